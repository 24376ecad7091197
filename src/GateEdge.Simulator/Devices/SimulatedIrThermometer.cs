using GateEdge.Simulator.Faults;

namespace GateEdge.Simulator.Devices;

/// <summary>
/// A GY-MCU90614-style serial IR module (docs/protocols.md §3.2) in body mode: it answers the
/// single query <c>A5 15 BA</c> and, after <c>A5 45 EA</c>, streams frames every 100 ms.
/// With nobody in front it sees the room: object slightly below ambient.
/// </summary>
internal sealed class SimulatedIrThermometer(string name, SimulatedLine port) : ISimulatedThermometer
{
    private const decimal Ambient = 25.00m;
    private readonly TaskCompletionSource _firstQuery = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private decimal? _target;
    private volatile bool _continuous;

    public string Name => name;

    public SimulatedLine Line => port;

    public Task FirstQuery => _firstQuery.Task;

    /// <summary>A hung module, or a forged line: it reports this value whoever stands in front, and whether anyone does.</summary>
    public decimal? FrozenAt { get; set; }

    /// <summary>A person at <paramref name="bodyC"/> steps in front of the sensor; null when they leave.</summary>
    public void SetTarget(decimal? bodyC) => _target = bodyC;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var streaming = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        var stream = StreamAsync(streaming, cancellationToken);
        var pending = new List<byte>();
        await foreach (var chunk in port.Received.ReadAllAsync(cancellationToken))
        {
            pending.AddRange(chunk);
            while (pending.Count >= 3)
            {
                if (pending[0] != 0xA5 || (byte)(pending[0] + pending[1]) != pending[2])
                {
                    pending.RemoveAt(0);
                    continue;
                }

                byte cmd = pending[1];
                pending.RemoveRange(0, 3);
                if (cmd == 0x15)
                {
                    _firstQuery.TrySetResult();
                    port.Write(Frame());
                }
                else if (cmd == 0x45)
                {
                    _continuous = true;
                }
            }
        }

        await stream;
    }

    private async Task StreamAsync(PeriodicTimer timer, CancellationToken cancellationToken)
    {
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                if (_continuous)
                {
                    port.Write(Frame());
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private byte[] Frame()
    {
        decimal objectC = FrozenAt ?? _target ?? Ambient - 0.5m;
        short to = (short)decimal.Round(objectC * 100);
        short ta = (short)decimal.Round(Ambient * 100);
        var frame = new byte[] { 0x5A, 0x5A, 0x45, 0x04, (byte)(to >> 8), (byte)to, (byte)(ta >> 8), (byte)ta, 0 };
        int sum = 0;
        for (int i = 0; i < 8; i++)
        {
            sum += frame[i];
        }

        frame[8] = (byte)sum;
        return frame;
    }
}
