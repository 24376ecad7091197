using System.Text.RegularExpressions;
using GateEdge.Common.Messages;
using GateEdge.Devices;

namespace GateEdge.Configuration;

/// <summary>
/// What runs, but not as the technician meant it: a device no lane uses (nothing it reads is
/// decided), a serial port named by its kernel number (another adapter may take that name after a
/// reboot or a replug). <c>config check</c> prints them after its OK; they never stop a gate.
/// </summary>
internal static partial class ConfigWarnings
{
    public static IEnumerable<ConfigProblem> Of(GatewayConfiguration c)
    {
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

    /// <summary>USB adapters numbered in the order the kernel found them; on-board UARTs (ttyS, ttyAMA) keep their names.</summary>
    [GeneratedRegex(@"^/dev/tty(USB|ACM)\d+$")]
    private static partial Regex KernelNumbered();
}
