namespace GateEdge.Cli;

/// <summary>
/// <c>gateedge devices list</c>: what a technician can wire a lane to on this box — serial ports
/// with their stable by-id names, GPIO chips, I²C buses.
/// </summary>
internal static class DeviceList
{
    private static readonly string[] SerialPatterns = ["ttyUSB*", "ttyACM*", "ttyAMA*", "ttyCH343USB*"];

    public static int Run(TextWriter output, string devRoot = "/dev")
    {
        var byId = Path.Combine(devRoot, "serial", "by-id");
        var named = Directory.Exists(byId)
            ? Directory.GetFiles(byId).Order(StringComparer.Ordinal).Select(link => (Link: link, Target: Target(link))).ToArray()
            : [];
        var ports = SerialPatterns.SelectMany(p => Directory.GetFiles(devRoot, p)).Order(StringComparer.Ordinal).ToArray();

        output.WriteLine("Serial ports (configure Devices[].Port with the by-id path):");
        foreach (var (link, target) in named)
        {
            output.WriteLine($"  {link} -> {target}");
        }

        foreach (var port in ports.Where(p => !named.Any(n => n.Target == p)))
        {
            output.WriteLine($"  {port} (no stable name: add a udev rule, see deploy/99-gateedge.rules)");
        }

        if (named.Length == 0 && ports.Length == 0)
        {
            output.WriteLine("  none found: is the adapter plugged in? (dmesg | tail shows what the kernel saw)");
        }

        List("GPIO chips (Outputs.Chip is the number)", Directory.GetFiles(devRoot, "gpiochip*"), output);
        List("I²C buses", Directory.GetFiles(devRoot, "i2c-*"), output);
        return 0;
    }

    private static void List(string title, string[] paths, TextWriter output)
    {
        output.WriteLine($"{title}:");
        output.WriteLine(paths.Length == 0 ? "  none" : "  " + string.Join(" ", paths.Order(StringComparer.Ordinal)));
    }

    private static string Target(string link)
    {
        var target = new FileInfo(link).LinkTarget;
        return target is null ? link : Path.GetFullPath(target, Path.GetDirectoryName(link)!);
    }
}
