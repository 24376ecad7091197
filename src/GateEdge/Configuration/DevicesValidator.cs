using GateEdge.Devices;
using GateEdge.Devices.CardReaders.AsciiLine;
using GateEdge.Devices.CardReaders.AsciiLine.Protocol;
using GateEdge.Devices.CardReaders.Osdp;
using GateEdge.Devices.CardReaders.Pn532;
using GateEdge.Devices.Inputs;
using GateEdge.Devices.Serial;
using GateEdge.Devices.Thermometers.Mlx90614;
using GateEdge.Devices.Thermometers.Modbus;

namespace GateEdge.Configuration;

/// <summary>The checks of the <c>Devices</c> section: every device named once, wired once, with settings its family can use.</summary>
internal static class DevicesValidator
{
    /// <summary>The speeds a UART adapter offers; anything else is a typo (11520 for 115200).</summary>
    private static readonly int[] StandardBaudRates = [1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200, 230400, 460800, 921600];

    public const string CardReader = "card reader";
    public const string Thermometer = "thermometer";
    public const string MaskDetector = "mask detector";
    public const string GuardKeypad = "guard keypad";

    /// <summary>Validates <paramref name="d"/> and fills <paramref name="devices"/> (name → kind) for the lane checks.</summary>
    public static IEnumerable<string> Validate(DevicesOptions d, Outputs.Gpio.GpioOutputOptions outputs, Dictionary<string, string> devices)
    {
        var ports = new Dictionary<string, string>(StringComparer.Ordinal);
        return Serial(d.IdCardReaders, "Devices.IdCardReaders", CardReader, devices, ports)
            .Concat(Serial(d.Rdm6300Readers, "Devices.Rdm6300Readers", CardReader, devices, ports))
            .Concat(Serial(d.AsciiLineReaders, "Devices.AsciiLineReaders", CardReader, devices, ports))
            .Concat(Serial(d.OsdpReaders, "Devices.OsdpReaders", CardReader, devices, ports))
            .Concat(Osdp(d.OsdpReaders))
            .Concat(Serial(d.Pn532Readers, "Devices.Pn532Readers", CardReader, devices, ports))
            .Concat(d.Pn532Readers.Select((r, i) => (r, i)).Where(x => x.r.BaudRate != Pn532ReaderOptions.HsuBaudRate)
                .Select(x => $"Devices.Pn532Readers[{x.i}].BaudRate: a PN532 in HSU mode runs at {Pn532ReaderOptions.HsuBaudRate}; leave BaudRate out"))
            .Concat(Named(d.WiegandReaders, "Devices.WiegandReaders", CardReader, devices))
            .Concat(Named(d.MaskDetectors, "Devices.MaskDetectors", MaskDetector, devices))
            .Concat(Named(d.GuardKeypads, "Devices.GuardKeypads", GuardKeypad, devices))
            .Concat(GpioLines(d, outputs))
            .Concat(Serial(d.SerialIrThermometers, "Devices.SerialIrThermometers", Thermometer, devices, ports))
            .Concat(Serial(d.ModbusThermometers, "Devices.ModbusThermometers", Thermometer, devices, ports))
            .Concat(Modbus(d.ModbusThermometers))
            .Concat(Named(d.Mlx90614Thermometers, "Devices.Mlx90614Thermometers", Thermometer, devices))
            .Concat(Mlx90614(d));
    }

    private static IEnumerable<string> Named(IEnumerable<DeviceOptions> list, string path, string kind, Dictionary<string, string> devices)
    {
        int i = 0;
        foreach (var d in list)
        {
            string at = $"{path}[{i++}]";
            if (string.IsNullOrWhiteSpace(d.Name))
            {
                yield return $"{at}.Name: every device needs a name for lanes to refer to";
            }
            else if (!ConfigurationValidator.TopicLevel().IsMatch(d.Name))
            {
                yield return $"{at}.Name: '{d.Name}' must be 1–64 letters, digits, '-' or '_' (it names the device's MQTT status topic)";
            }
            else if (!devices.TryAdd(d.Name, kind))
            {
                yield return $"{at}.Name: '{d.Name}' is used by another device";
            }

        }
    }

    private static IEnumerable<string> Serial(IReadOnlyList<SerialDeviceOptions> list, string path, string kind, Dictionary<string, string> devices, Dictionary<string, string> ports)
    {
        foreach (var problem in Named(list, path, kind, devices))
        {
            yield return problem;
        }

        for (int i = 0; i < list.Count; i++)
        {
            var d = list[i];
            string at = $"{path}[{i}]";
            if (string.IsNullOrWhiteSpace(d.Port))
            {
                yield return $"{at}.Port: the serial port path is missing (e.g. /dev/serial/by-id/usb-…)";
            }
            else if (!d.Port.StartsWith('/'))
            {
                yield return $"{at}.Port: '{d.Port}' is not a device path; on the gateway a port is /dev/ttyUSB0 or, better, /dev/serial/by-id/… (COM3 is a Windows name; `gateedge devices list` shows this box's ports)";
            }
            else if (!ports.TryAdd(d.Port, d.Name))
            {
                yield return $"{at}.Port: {d.Port} is already used by '{ports[d.Port]}'; each serial device needs its own port";
            }

            if (!StandardBaudRates.Contains(d.BaudRate))
            {
                yield return $"{at}.BaudRate: {d.BaudRate} is not a standard serial line speed ({string.Join(", ", StandardBaudRates)})";
            }
        }
    }

    private static IEnumerable<string> Osdp(List<OsdpReaderOptions> readers)
    {
        for (int i = 0; i < readers.Count; i++)
        {
            var r = readers[i];
            string at = $"Devices.OsdpReaders[{i}]";
            if (r.Address is < 0 or > 126)
            {
                yield return $"{at}.Address: {r.Address} is not an OSDP reader address (0–126)";
            }

            if (r.OfflineAfter < TimeSpan.FromSeconds(1) || r.OfflineAfter <= r.ReplyTimeout)
            {
                yield return $"{at}.OfflineAfter: {r.OfflineAfter} must be at least 1 s and longer than ReplyTimeout (OSDP says 8 s)";
            }
        }
    }

    /// <summary>Wiegand readers and input devices need a GPIO chip, and each line serves one purpose.</summary>
    private static IEnumerable<string> GpioLines(DevicesOptions d, Outputs.Gpio.GpioOutputOptions outputs)
    {
        if (d.WiegandReaders.Count + d.MaskDetectors.Count + d.GuardKeypads.Count > 0 && outputs.Driver == Outputs.Gpio.GpioOutputOptions.LogDriver)
        {
            yield return "Devices: Wiegand readers, mask detectors and guard keypads need GPIO; set Outputs.Driver to Chip (or Simulated to rehearse)";
        }

        var used = outputs.Lanes.SelectMany(l => new[] { (int?)l.RelayPin, l.GreenLampPin, l.RedLampPin, l.BuzzerPin }).OfType<int>().ToHashSet();
        var lines = d.WiegandReaders.Select((r, i) => ($"Devices.WiegandReaders[{i}]", new[] { ("D0Line", r.D0Line), ("D1Line", r.D1Line) }))
            .Concat(d.MaskDetectors.Select((m, i) => ($"Devices.MaskDetectors[{i}]", new[] { ("Line", m.Line) })))
            .Concat(d.GuardKeypads.Select((k, i) => ($"Devices.GuardKeypads[{i}]", new[] { ("ConfirmLine", k.ConfirmLine), ("DenyLine", k.DenyLine) })));
        foreach (var (at, keys) in lines)
        {
            foreach (var (key, line) in keys)
            {
                if (line < 0)
                {
                    yield return $"{at}.{key}: a GPIO line number is required";
                }
                else if (!used.Add(line))
                {
                    yield return $"{at}.{key}: line {line} is already used by an output or another input";
                }
            }
        }
    }

    private static IEnumerable<string> Modbus(List<ModbusThermometerOptions> heads)
    {
        for (int i = 0; i < heads.Count; i++)
        {
            if (heads[i].Address is < 1 or > 247)
            {
                yield return $"Devices.ModbusThermometers[{i}].Address: {heads[i].Address} is not a Modbus slave address (1–247)";
            }

            if (heads[i].Scale <= 0 || heads[i].Scale > 1)
            {
                yield return $"Devices.ModbusThermometers[{i}].Scale: {heads[i].Scale} °C per count is outside (0, 1]";
            }
        }
    }

    private static IEnumerable<string> Mlx90614(DevicesOptions d)
    {
        if (d.I2cDriver is not (DevicesOptions.LinuxI2c or DevicesOptions.SimulatedI2c))
        {
            yield return $"Devices.I2cDriver: '{d.I2cDriver}' is not Linux or Simulated";
        }

        var wired = new Dictionary<(int, int), string>();
        for (int i = 0; i < d.Mlx90614Thermometers.Count; i++)
        {
            var t = d.Mlx90614Thermometers[i];
            string at = $"Devices.Mlx90614Thermometers[{i}]";
            if (t.Bus is < 0 or > 255)
            {
                yield return $"{at}.Bus: {t.Bus} is not an I²C bus number (the N of /dev/i2c-N)";
            }

            if (t.Address is < 0x03 or > 0x77)
            {
                yield return $"{at}.Address: {t.Address} is not a 7-bit I²C device address (0x03–0x77; the MLX90614 ships at 0x5A = 90)";
            }
            else if (!wired.TryAdd((t.Bus, t.Address), t.Name))
            {
                yield return $"{at}.Address: bus {t.Bus} address 0x{t.Address:X2} is already used by '{wired[(t.Bus, t.Address)]}'";
            }

        }
    }
}
