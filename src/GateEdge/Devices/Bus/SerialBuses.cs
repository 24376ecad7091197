using GateEdge.Devices.Framing;

namespace GateEdge.Devices.Bus;

/// <summary>
/// The buses of one gateway, by port: every device naming a port joins the one bus that owns it.
/// The configuration check has made sure devices sharing a port are of one family with one line
/// speed; a mismatch here is refused, never a second owner of the port.
/// </summary>
internal sealed class SerialBuses(TimeProvider time)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, object> _buses = new(StringComparer.Ordinal);

    public SerialBus<TFrame> For<TFrame>(string port, int baudRate, Func<IFrameDecoder<TFrame>> decoder) where TFrame : class
    {
        lock (_lock)
        {
            if (!_buses.TryGetValue(port, out var bus))
            {
                _buses[port] = bus = new SerialBus<TFrame>(port, baudRate, decoder, time);
            }

            if (bus is not SerialBus<TFrame> typed || typed.BaudRate != baudRate)
            {
                throw new DeviceProtocolException($"{port} is a bus of other devices or of another line speed; devices sharing a port must be of one family at one speed");
            }

            return typed;
        }
    }
}
