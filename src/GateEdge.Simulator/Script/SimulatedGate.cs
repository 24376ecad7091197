using GateEdge.Simulator.Devices;
using GateEdge.Simulator.Pty;

namespace GateEdge.Simulator.Script;

/// <summary>The simulated devices of one script, each on its own virtual serial port under <c>links</c>.</summary>
internal sealed class SimulatedGate : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _running = [];
    private readonly List<VirtualSerialPort> _ports = [];

    public SimulatedGate(SimulatorScript script, string links)
    {
        foreach (var device in script.Devices)
        {
            var port = VirtualSerialPort.Create(Path.Combine(links, device.Name));
            _ports.Add(port);
            switch (device.Kind)
            {
                case SimulatorScript.IdCardReaderKind:
                    var reader = new SimulatedIdCardReader(device.Name, port);
                    Readers[device.Name] = reader;
                    _running.Add(reader.RunAsync(_stop.Token));
                    break;
                case SimulatorScript.SerialIrThermometerKind:
                    var thermometer = new SimulatedIrThermometer(device.Name, port);
                    Thermometers[device.Name] = thermometer;
                    _running.Add(thermometer.RunAsync(_stop.Token));
                    break;
                default:
                    throw new InvalidDataException($"device '{device.Name}': unknown kind '{device.Kind}'");
            }
        }
    }

    public Dictionary<string, SimulatedIdCardReader> Readers { get; } = [];

    public Dictionary<string, SimulatedIrThermometer> Thermometers { get; } = [];

    public IReadOnlyList<VirtualSerialPort> Ports => _ports;

    /// <summary>Completes once the gateway polls every device.</summary>
    public Task GatewayConnected => Task.WhenAll(Readers.Values.Select(r => r.FirstPoll).Concat(Thermometers.Values.Select(t => t.FirstQuery)));

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await Task.WhenAll(_running);
        }
        catch (OperationCanceledException)
        {
        }

        foreach (var port in _ports)
        {
            port.Dispose();
        }

        _stop.Dispose();
    }
}
