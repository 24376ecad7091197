using System.Device.I2c;

namespace GateEdge.Devices.I2c;

/// <summary>I²C through the kernel's <c>/dev/i2c-N</c> (the i2c-dev module).</summary>
internal sealed class LinuxI2cBuses : II2cBuses
{
    public I2cDevice Open(int bus, int address)
    {
        string path = $"/dev/i2c-{bus}";
        if (!File.Exists(path))
        {
            throw new DeviceDisconnectedException($"{path} does not exist (is the i2c-dev module loaded and the bus enabled?)");
        }

        try
        {
            return I2cDevice.Create(new I2cConnectionSettings(bus, address));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException or PlatformNotSupportedException)
        {
            throw new DeviceDisconnectedException($"{path} address 0x{address:X2} could not be opened: {ex.Message}", ex);
        }
    }
}
