using System.Device.I2c;

namespace GateEdge.Devices.I2c;

/// <summary>Where I²C devices come from: the kernel's <c>/dev/i2c-N</c>, or a simulated bus in this process.</summary>
internal interface II2cBuses
{
    /// <summary>Opens the device at <paramref name="address"/> on bus <paramref name="bus"/>; throws <see cref="DeviceDisconnectedException"/> when it cannot.</summary>
    I2cDevice Open(int bus, int address);
}
