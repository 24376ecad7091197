using Microsoft.Extensions.Configuration;

namespace GateEdge.Configuration;

/// <summary>
/// What a configuration push from the centre may change: the operation of the lanes (lanes, rules,
/// prompts, device timings and calibration, relay and lamp times), and nothing else. Everything
/// not on this list (whom the gateway trusts, where it connects and under which topics, what it
/// logs and where, where its state lives, what it reveals, which wires a device is on) changes
/// only at the box, so a push signed with a misused centre key cannot move the gateway to another
/// broker, point a log file at its journal or switch a check off. An allow-list, because a list of
/// what is forbidden misses what nobody thought of.
/// </summary>
internal static class PushableSettings
{
    /// <summary>
    /// Device settings that name wiring or trust, not timing: a push may not move a device to
    /// another port, bus, address or line, nor take a reader's key away (which would let it be
    /// read in clear) or put it into install mode.
    /// </summary>
    private static readonly HashSet<string> DeviceWiring = new(["Name", "Port", "Bus", "Address", "ActiveLow", "KeyFile", "InstallMode"], StringComparer.OrdinalIgnoreCase);

    private static readonly HashSet<string> OutputTimes = new(["PulseLength", "LampTime", "BuzzTime"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Every setting that differs between the two files and a push may not change, as dotted paths, sorted.</summary>
    public static List<string> Refused(string currentFile, string pushedFile)
    {
        var current = Flatten(currentFile);
        var pushed = Flatten(pushedFile);
        return [.. current.Keys.Union(pushed.Keys, StringComparer.OrdinalIgnoreCase)
            .Where(key => !string.Equals(current.GetValueOrDefault(key), pushed.GetValueOrDefault(key), StringComparison.Ordinal) && !MayPush(key))
            .Select(key => key.Replace(':', '.'))
            .Order(StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>Whether a push may change <paramref name="key"/> (a configuration path, <c>Section:Sub:0:Setting</c>).</summary>
    public static bool MayPush(string key)
    {
        var path = key.Split(':');
        return path[0].ToUpperInvariant() switch
        {
            "LANES" or "RULES" => true,
            "PROMPTS" => path.Length == 2 && !path[1].Equals("ShowMaskedName", StringComparison.OrdinalIgnoreCase),
            // Devices:{family}:{index}:{setting}
            "DEVICES" => path.Length == 4 && !DeviceWiring.Contains(path[3]) && !path[3].EndsWith("Line", StringComparison.OrdinalIgnoreCase),
            // Outputs:Lanes:{index}:{time}
            "OUTPUTS" => path.Length == 4 && path[1].Equals("Lanes", StringComparison.OrdinalIgnoreCase) && OutputTimes.Contains(path[3]),
            _ => false,
        };
    }

    /// <summary>Every value the file sets, by configuration path (keys compare without case, as the configuration binds them).</summary>
    private static Dictionary<string, string> Flatten(string file) =>
        new ConfigurationBuilder().AddJsonFile(file, optional: false).Build().AsEnumerable()
            .Where(setting => setting.Value is not null)
            .ToDictionary(setting => setting.Key, setting => setting.Value!, StringComparer.OrdinalIgnoreCase);
}
