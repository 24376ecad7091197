using System.Text;

namespace GateEdge.Trust;

/// <summary>
/// Text that came from outside (a topic name, a refused field, a reason from the centre), made
/// safe for a log line: control characters are written as <c>\uXXXX</c>, so no message can start
/// a line of its own or forge one, and long values are cut.
/// </summary>
internal static class Untrusted
{
    public static string ForLog(string? value, int maxLength = 200)
    {
        if (value is null)
        {
            return "";
        }

        var cut = value.Length > maxLength ? value[..maxLength] : value;
        if (!cut.Any(char.IsControl))
        {
            return cut.Length < value.Length ? cut + "…" : cut;
        }

        var safe = new StringBuilder(cut.Length + 16);
        foreach (char c in cut)
        {
            if (char.IsControl(c))
            {
                safe.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                safe.Append(c);
            }
        }

        return cut.Length < value.Length ? safe.Append('…').ToString() : safe.ToString();
    }
}
