using GateEdge.Common.Messages;

namespace GateEdge.Cli;

/// <summary>
/// <c>gateedge devices list</c>: what a technician can wire a lane to on this box — serial ports
/// with their stable by-id names, GPIO chips, I²C buses.
/// </summary>
internal static class DeviceList
{
    // ttySC: SPI/I²C UARTs of RS-485 HATs (sc16is7xx). ttyS: on-board UARTs, listed only when the
    // kernel found a UART behind them (every PC has 4–32 ttyS nodes, mostly empty).
    private static readonly string[] SerialPatterns = ["ttyUSB*", "ttyACM*", "ttyAMA*", "ttySC*", "ttyCH343USB*"];

    /// <param name="sysRoot">Where sysfs is, so tests can tell which ttyS nodes have a UART.</param>
    /// <param name="json">One document: <c>{"serialPorts": [{"path", "stablePath"}], "gpioChips", "i2cBuses"}</c>; stablePath null for a port without one.</param>
    public static int Run(TextWriter output, string devRoot = "/dev", string sysRoot = "/sys", bool json = false, Language language = Language.English)
    {
        var byId = Path.Combine(devRoot, "serial", "by-id");
        // /dev/serial0 and serial1 name a Raspberry Pi's UARTs whatever the model maps them to.
        var named = (Directory.Exists(byId) ? Directory.GetFiles(byId) : []).Concat(Directory.GetFiles(devRoot, "serial?"))
            .Order(StringComparer.Ordinal).Select(link => (Link: link, Target: Target(link))).ToArray();
        var ports = SerialPatterns.SelectMany(p => Directory.GetFiles(devRoot, p))
            .Concat(Directory.GetFiles(devRoot, "ttyS*").Where(p => HasUart(sysRoot, Path.GetFileName(p)) && !Path.GetFileName(p).StartsWith("ttySC", StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal).ToArray();
        var unnamed = ports.Where(p => !named.Any(n => n.Target == p)).ToArray();
        var chips = Directory.GetFiles(devRoot, "gpiochip*").Order(StringComparer.Ordinal).ToArray();
        var buses = Directory.GetFiles(devRoot, "i2c-*").Order(StringComparer.Ordinal).ToArray();
        if (json)
        {
            JsonOutput.WriteLine(output, w =>
            {
                w.WriteStartObject();
                w.WriteStartArray("serialPorts");
                foreach (var (path, stablePath) in named.Select(n => (n.Target, (string?)n.Link)).Concat(unnamed.Select(p => (p, (string?)null))))
                {
                    w.WriteStartObject();
                    w.WriteString("path", path);
                    w.WriteString("stablePath", stablePath);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                JsonOutput.WriteStrings(w, "gpioChips", chips);
                JsonOutput.WriteStrings(w, "i2cBuses", buses);
                w.WriteEndObject();
            });
            return 0;
        }

        output.WriteLine(DeviceToolMessages.SerialPorts.Say().In(language));
        foreach (var (link, target) in named)
        {
            output.WriteLine($"  {link} -> {target}");
        }

        foreach (var port in unnamed)
        {
            output.WriteLine(DeviceToolMessages.NoStableName.Say(("port", port), ("example", InstalledDocs.UdevExample())).In(language));
        }

        if (named.Length == 0 && ports.Length == 0)
        {
            output.WriteLine(DeviceToolMessages.NoSerialPort.Say().In(language));
        }

        List(DeviceToolMessages.GpioChips, chips, output, language);
        List(DeviceToolMessages.I2cBuses, buses, output, language);
        return 0;
    }

    private static void List(Message title, string[] paths, TextWriter output, Language language)
    {
        output.WriteLine(title.Say().In(language));
        output.WriteLine(paths.Length == 0 ? DeviceToolMessages.None.Say().In(language) : "  " + string.Join(" ", paths));
    }

    /// <summary>sysfs gives a ttyS node's UART type; 0 means no UART was found behind it.</summary>
    private static bool HasUart(string sysRoot, string name) =>
        File.Exists(Path.Combine(sysRoot, "class", "tty", name, "type")) && File.ReadAllText(Path.Combine(sysRoot, "class", "tty", name, "type")).Trim() is not ("" or "0");

    private static string Target(string link)
    {
        var target = new FileInfo(link).LinkTarget;
        return target is null ? link : Path.GetFullPath(target, Path.GetDirectoryName(link)!);
    }
}
