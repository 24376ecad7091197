using GateEdge.Common;
using GateEdge.Devices.Bus;
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
        var ports = new Dictionary<string, List<(DeviceFamily Family, string At, SerialDeviceOptions Device)>>(StringComparer.Ordinal);
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

    private static IEnumerable<string> Serial(DeviceFamily family, DevicesOptions d, Dictionary<string, List<(DeviceFamily Family, string At, SerialDeviceOptions Device)>> ports)
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
            else if (ports.TryGetValue(device.Port, out var bus))
            {
                foreach (var problem in SharedPort(family, at, device, bus))
                {
                    yield return problem;
                }

                bus.Add((family, at, device));
            }
            else
            {
                ports[device.Port] = [(family, at, device)];
            }
        }
    }

    /// <summary>
    /// A port named twice is a bus: allowed for addressed devices of one family (OSDP readers,
    /// Modbus heads) at one line speed, each at its own address (docs/devices.md, "Buses").
    /// </summary>
    private static IEnumerable<string> SharedPort(DeviceFamily family, string at, SerialDeviceOptions device, List<(DeviceFamily Family, string At, SerialDeviceOptions Device)> bus)
    {
        var first = bus[0];
        if (family != first.Family || device is not IBusAddressed addressed)
        {
            yield return $"{at}.Port: {device.Port} is already used by '{first.Device.Name}' ({first.At}); " + (device is IBusAddressed && first.Device is IBusAddressed
                ? "a bus carries one family: only OSDP readers, or only Modbus heads, each at its own address"
                : "each serial device needs its own port (only OSDP readers, or only Modbus heads, share one as a bus)");
            yield break;
        }

        if (device.BaudRate != first.Device.BaudRate)
        {
            yield return $"{at}.BaudRate: {device.BaudRate} differs from {first.Device.BaudRate} of '{first.Device.Name}' on the same port ({first.At}); devices on one bus share its line speed";
        }

        foreach (var other in bus.Where(o => ((IBusAddressed)o.Device).BusAddress == addressed.BusAddress).Take(1))
        {
            yield return $"{at}.Address: {addressed.BusAddress} is also the address of '{other.Device.Name}' on {device.Port} ({other.At}); each device on a bus answers at its own address";
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
