using GateEdge.Simulator.Faults;

namespace GateEdge.Simulator.Devices;

/// <summary>
/// A Modbus RTU temperature head at its unit id (docs/protocols.md §3.3): holding register 0 holds
/// the body temperature ×10. Other registers answer "illegal data address"; requests for other
/// units, on a shared line, nothing.
/// </summary>
internal sealed class SimulatedModbusThermometer(string name, SimulatedLine port, byte address = 1) : ISimulatedThermometer
{
    private const decimal Room = 22.0m;
    private readonly TaskCompletionSource _firstQuery = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private decimal? _target;

    public string Name => name;

    public SimulatedLine Line => port;

    public Task FirstQuery => _firstQuery.Task;

    public void SetTarget(decimal? bodyC) => _target = bodyC;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var pending = new List<byte>();
        await foreach (var chunk in port.Received.ReadAllAsync(cancellationToken))
        {
            pending.AddRange(chunk);
            while (pending.Count >= 8)
            {
                var request = pending.GetRange(0, 8).ToArray();
                if (request[1] != 0x03 || Crc(request.AsSpan(0, 6)) != (request[6] | (request[7] << 8)))
                {
                    pending.RemoveAt(0);
                    continue;
                }

                pending.RemoveRange(0, 8);
                if (request[0] != address)
                {
                    continue;
                }

                _firstQuery.TrySetResult();
                int register = (request[2] << 8) | request[3];
                short value = (short)decimal.Round((_target ?? Room) * 10);
                port.Write(register == 0
                    ? WithCrc([address, 0x03, 0x02, (byte)(value >> 8), (byte)value])
                    : WithCrc([address, 0x83, 0x02]));
            }
        }
    }

    private static byte[] WithCrc(byte[] body)
    {
        ushort crc = Crc(body);
        return [.. body, (byte)crc, (byte)(crc >> 8)];
    }

    private static ushort Crc(ReadOnlySpan<byte> data)
    {
        ushort crc = 0xFFFF;
        foreach (byte b in data)
        {
            crc ^= b;
            for (int i = 0; i < 8; i++)
            {
                crc = (ushort)((crc & 1) != 0 ? (crc >> 1) ^ 0xA001 : crc >> 1);
            }
        }

        return crc;
    }
}
