using System.Text;

namespace GateEdge.Trust;

/// <summary>
/// Text that came from outside (a topic name, a refused field, a reason from the centre), made
/// safe for a log line: control characters (C0 and C1), line and paragraph separators and the
/// bidirectional-text controls are written as <c>\uXXXX</c>, so no message can start a line of its
/// own, forge one or reorder what a reader sees; long values are cut.
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
        if (!cut.Any(Escaped))
        {
            return cut.Length < value.Length ? cut + "…" : cut;
        }

        var safe = new StringBuilder(cut.Length + 16);
        foreach (char c in cut)
        {
            if (Escaped(c))
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

    private static bool Escaped(char c) => char.IsControl(c) || c is '\u2028' or '\u2029' or '\u061C' or '\u200E' or '\u200F'
        or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');
}
