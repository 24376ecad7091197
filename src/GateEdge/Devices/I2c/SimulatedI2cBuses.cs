using System.Collections.Concurrent;
using System.Device.I2c;

namespace GateEdge.Devices.I2c;

/// <summary>
/// I²C buses in memory: the simulator attaches its devices (subclasses of <see cref="I2cDevice"/>)
/// and the gateway opens them as if they were wired. An address with nothing attached behaves like
/// an unwired one: it cannot be opened.
/// </summary>
internal sealed class SimulatedI2cBuses : II2cBuses
{
    private readonly ConcurrentDictionary<(int Bus, int Address), Func<I2cDevice>> _attached = new();

    /// <summary>Wires a device: every open at (<paramref name="bus"/>, <paramref name="address"/>) gets one from <paramref name="open"/>.</summary>
    public void Attach(int bus, int address, Func<I2cDevice> open) => _attached[(bus, address)] = open;

    public void Detach(int bus, int address) => _attached.TryRemove((bus, address), out _);

    public I2cDevice Open(int bus, int address) =>
        _attached.TryGetValue((bus, address), out var open)
            ? open()
            : throw new DeviceDisconnectedException($"nothing answers at 0x{address:X2} on simulated I²C bus {bus}");
}
