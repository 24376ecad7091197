using System.Text.RegularExpressions;

namespace GateEdge.Common;

/// <summary>
/// The ids that become one level of an MQTT topic (a gateway, compound, gate, lane, device or key
/// id): letters, digits, '-' and '_', 1–64 of them, so no id can add a level or a wildcard.
/// </summary>
internal static partial class TopicLevel
{
    public static bool IsValid(string id) => Pattern().IsMatch(id);

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex Pattern();
}
