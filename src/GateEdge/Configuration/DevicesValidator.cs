using GateEdge.Common.Messages;
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
    public static IEnumerable<ConfigProblem> Validate(DevicesOptions d, Outputs.Gpio.GpioOutputOptions outputs, Dictionary<string, DeviceRole> devices)
    {
        var ports = new Dictionary<string, List<(DeviceFamily Family, string At, SerialDeviceOptions Device)>>(StringComparer.Ordinal);
        return DeviceFamilies.All.SelectMany(f => Named(f, d, devices).Concat(f.Wiring == DeviceWiring.Serial ? Serial(f, d, ports) : [])
                .Concat(f.Validate(d).Select(p => new ConfigProblem(p.Path, p.What))))
            .Concat(GpioLines(d, outputs))
            .Concat(I2cDriver(d));
    }

    private static IEnumerable<ConfigProblem> Named(DeviceFamily family, DevicesOptions d, Dictionary<string, DeviceRole> devices)
    {
        var list = family.Configured(d);
        for (int i = 0; i < list.Count; i++)
        {
            string name = list[i].Name;
            string at = $"Devices.{family.Section}[{i}]";
            if (string.IsNullOrWhiteSpace(name))
            {
                yield return new ConfigProblem($"{at}.Name", BoxMessages.DeviceNameMissing.Say());
            }
            else if (!TopicLevel.IsValid(name))
            {
                yield return new ConfigProblem($"{at}.Name", BoxMessages.DeviceNameInvalid.Say(("value", name)));
            }
            else if (!devices.TryAdd(name, family.Role))
            {
                yield return new ConfigProblem($"{at}.Name", BoxMessages.DeviceNameTaken.Say(("value", name)));
            }
        }
    }

    private static IEnumerable<ConfigProblem> Serial(DeviceFamily family, DevicesOptions d, Dictionary<string, List<(DeviceFamily Family, string At, SerialDeviceOptions Device)>> ports)
    {
        var list = family.Configured(d);
        for (int i = 0; i < list.Count; i++)
        {
            var device = (SerialDeviceOptions)list[i];
            string at = $"Devices.{family.Section}[{i}]";
            if (string.IsNullOrWhiteSpace(device.Port))
            {
                yield return new ConfigProblem($"{at}.Port", BoxMessages.PortMissing.Say());
            }
            else if (!device.Port.StartsWith('/'))
            {
                yield return new ConfigProblem($"{at}.Port", BoxMessages.PortNotPath.Say(("value", device.Port)));
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
    private static IEnumerable<ConfigProblem> SharedPort(DeviceFamily family, string at, SerialDeviceOptions device, List<(DeviceFamily Family, string At, SerialDeviceOptions Device)> bus)
    {
        var first = bus[0];
        if (family != first.Family || device is not IBusAddressed addressed)
        {
            var message = device is IBusAddressed && first.Device is IBusAddressed ? BoxMessages.PortTakenOnBus : BoxMessages.PortTaken;
            yield return new ConfigProblem($"{at}.Port", message.Say(("port", device.Port), ("other", first.Device.Name), ("at", first.At)));
            yield break;
        }

        if (device.BaudRate != first.Device.BaudRate)
        {
            yield return new ConfigProblem($"{at}.BaudRate", BoxMessages.BusBaudRate.Say(("baud", device.BaudRate), ("otherBaud", first.Device.BaudRate), ("other", first.Device.Name), ("at", first.At)));
        }

        foreach (var other in bus.Where(o => ((IBusAddressed)o.Device).BusAddress == addressed.BusAddress).Take(1))
        {
            yield return new ConfigProblem($"{at}.Address", BoxMessages.BusAddressTaken.Say(("address", addressed.BusAddress), ("other", other.Device.Name), ("port", device.Port), ("at", other.At)));
        }
    }

    /// <summary>Devices on GPIO need a GPIO chip, and each line serves one purpose.</summary>
    private static IEnumerable<ConfigProblem> GpioLines(DevicesOptions d, Outputs.Gpio.GpioOutputOptions outputs)
    {
        var onGpio = DeviceFamilies.All.Where(f => f.Wiring == DeviceWiring.Gpio).ToArray();
        if (outputs.Driver == Outputs.Gpio.GpioOutputOptions.LogDriver)
        {
            foreach (var family in onGpio.Where(f => f.Configured(d).Count > 0))
            {
                yield return new ConfigProblem($"Devices.{family.Section}", BoxMessages.GpioNeedsChip.Say());
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
                        yield return new ConfigProblem(at, SettingMessages.GpioLineRequired.Say());
                    }
                    else if (!used.Add(line))
                    {
                        yield return new ConfigProblem(at, BoxMessages.GpioInputLineTaken.Say(("line", line)));
                    }
                }
            }
        }
    }

    private static IEnumerable<ConfigProblem> I2cDriver(DevicesOptions d)
    {
        if (d.I2cDriver is not (DevicesOptions.LinuxI2c or DevicesOptions.SimulatedI2c))
        {
            yield return new ConfigProblem("Devices.I2cDriver", BoxMessages.NotI2cDriver.Say(("value", d.I2cDriver)));
        }
    }
}
