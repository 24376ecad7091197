using System.Text.RegularExpressions;
using GateEdge.Common.Messages;
using GateEdge.Devices;

namespace GateEdge.Configuration;

/// <summary>
/// What runs, but not as the technician meant it: a device no lane uses (nothing it reads is
/// decided), a serial port named by its kernel number (another adapter may take that name after a
/// reboot or a replug), a journal file that is no database (the gateway will set it aside and
/// start a new one). <c>config check</c> prints them after its OK; they never stop a gate.
/// </summary>
internal static partial class ConfigWarnings
{
    public static IEnumerable<ConfigProblem> Of(GatewayConfiguration c)
    {
        if (NotADatabase(c.Journal.Path))
        {
            yield return new ConfigProblem("Journal.Path", ConfigMessages.JournalNotADatabase.Say(("file", c.Journal.Path)));
        }

        var onLanes = c.Lanes.SelectMany(l => l.Devices).ToHashSet(StringComparer.Ordinal);
        foreach (var family in DeviceFamilies.All.Where(f => f.Role != DeviceRole.Enclosure))
        {
            var list = family.Configured(c.Devices);
            for (int i = 0; i < list.Count; i++)
            {
                string at = $"Devices.{family.Section}[{i}]";
                if (!onLanes.Contains(list[i].Name))
                {
                    yield return new ConfigProblem($"{at}.Name", ConfigMessages.DeviceOnNoLane.Say(("device", list[i].Name)));
                }

                if (list[i] is Devices.Serial.SerialDeviceOptions { Port: var port } && KernelNumbered().IsMatch(port))
                {
                    yield return new ConfigProblem($"{at}.Port", ConfigMessages.UnstablePort.Say(("port", port)));
                }
            }
        }
    }

    /// <summary>
    /// The file's first bytes are not SQLite's header: read as bytes only, since opening the journal
    /// with SQLite from the check could leave files of root's beside it that the service cannot open.
    /// </summary>
    private static bool NotADatabase(string journal)
    {
        var header = "SQLite format 3\0"u8;
        try
        {
            using var file = new FileStream(journal, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            var start = new byte[header.Length];
            return file.Length > 0 && (file.ReadAtLeast(start, start.Length, throwOnEndOfStream: false) < start.Length || !header.SequenceEqual(start));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>USB adapters numbered in the order the kernel found them; on-board UARTs (ttyS, ttyAMA) keep their names.</summary>
    [GeneratedRegex(@"^/dev/tty(USB|ACM)\d+$")]
    private static partial Regex KernelNumbered();
}
