using GateEdge.Common;
using GateEdge.Devices.Serial;
using GateEdge.Devices;

namespace GateEdge.Configuration;

/// <summary>
/// The checks of the <c>Devices</c> section: every device named once, wired once (a port, a GPIO
/// line, an I²C address serves one device), plus each family's own checks (<see cref="DeviceFamily.Validate"/>).
/// </summary>
internal static class DevicesValidator
{
    /// <summary>Validates <paramref name="d"/> and fills <paramref name="devices"/> (name → role) for the lane checks.</summary>
    public static IEnumerable<string> Validate(DevicesOptions d, Outputs.Gpio.GpioOutputOptions outputs, Dictionary<string, DeviceRole> devices)
    {
        var ports = new Dictionary<string, string>(StringComparer.Ordinal);
        return DeviceFamilies.All.SelectMany(f => Named(f, d, devices).Concat(f.Wiring == DeviceWiring.Serial ? Serial(f, d, ports) : []).Concat(f.Validate(d)))
            .Concat(GpioLines(d, outputs))
            .Concat(I2cDriver(d));
    }

    private static IEnumerable<string> Named(DeviceFamily family, DevicesOptions d, Dictionary<string, DeviceRole> devices)
    {
        var list = family.Configured(d);
        for (int i = 0; i < list.Count; i++)
        {
            string name = list[i].Name;
            string at = $"Devices.{family.Section}[{i}]";
            if (string.IsNullOrWhiteSpace(name))
            {
                yield return $"{at}.Name: every device needs a name for lanes to refer to";
            }
            else if (!TopicLevel.IsValid(name))
            {
                yield return $"{at}.Name: '{name}' must be 1–64 letters, digits, '-' or '_' (it names the device's MQTT status topic)";
            }
            else if (!devices.TryAdd(name, family.Role))
            {
                yield return $"{at}.Name: '{name}' is used by another device";
            }
        }
    }

    private static IEnumerable<string> Serial(DeviceFamily family, DevicesOptions d, Dictionary<string, string> ports)
    {
        var list = family.Configured(d);
        for (int i = 0; i < list.Count; i++)
        {
            var device = (SerialDeviceOptions)list[i];
            string at = $"Devices.{family.Section}[{i}]";
            if (string.IsNullOrWhiteSpace(device.Port))
            {
                yield return $"{at}.Port: the serial port path is missing (e.g. /dev/serial/by-id/usb-…)";
            }
            else if (!device.Port.StartsWith('/'))
            {
                yield return $"{at}.Port: '{device.Port}' is not a device path; on the gateway a port is /dev/ttyUSB0 or, better, /dev/serial/by-id/… (COM3 is a Windows name; `gateedge devices list` shows this box's ports)";
            }
            else if (!ports.TryAdd(device.Port, device.Name))
            {
                yield return $"{at}.Port: {device.Port} is already used by '{ports[device.Port]}'; each serial device needs its own port";
            }
        }
    }

    /// <summary>Devices on GPIO need a GPIO chip, and each line serves one purpose.</summary>
    private static IEnumerable<string> GpioLines(DevicesOptions d, Outputs.Gpio.GpioOutputOptions outputs)
    {
        var onGpio = DeviceFamilies.All.Where(f => f.Wiring == DeviceWiring.Gpio).ToArray();
        if (outputs.Driver == Outputs.Gpio.GpioOutputOptions.LogDriver)
        {
            foreach (var family in onGpio.Where(f => f.Configured(d).Count > 0))
            {
                yield return $"Devices.{family.Section}: these devices are on GPIO lines, which Outputs.Driver Log does not open; set Outputs.Driver to Chip (or Simulated to rehearse)";
            }
        }

        var used = outputs.Lanes.SelectMany(l => new[] { (int?)l.RelayPin, l.GreenLampPin, l.RedLampPin, l.BuzzerPin }).OfType<int>().ToHashSet();
        foreach (var family in onGpio)
        {
            var list = family.Configured(d);
            for (int i = 0; i < list.Count; i++)
            {
                foreach (var (key, line) in family.GpioLines(list[i]))
                {
                    string at = $"Devices.{family.Section}[{i}].{key}";
                    if (line < 0)
                    {
                        yield return $"{at}: a GPIO line number is required";
                    }
                    else if (!used.Add(line))
                    {
                        yield return $"{at}: line {line} is already used by an output or another input";
                    }
                }
            }
        }
    }

    private static IEnumerable<string> I2cDriver(DevicesOptions d)
    {
        if (d.I2cDriver is not (DevicesOptions.LinuxI2c or DevicesOptions.SimulatedI2c))
        {
            yield return $"Devices.I2cDriver: '{d.I2cDriver}' is not Linux or Simulated";
        }
    }
}
