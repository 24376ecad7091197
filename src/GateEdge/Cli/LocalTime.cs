using System.Globalization;

namespace GateEdge.Cli;

/// <summary>
/// Times as the person at the box reads them: the box's local time on a 24-hour clock, with its
/// offset so nothing is ambiguous. Records and <c>--json</c> output stay UTC.
/// </summary>
internal static class LocalTime
{
    public static string Format(DateTimeOffset time) => time.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture);

    /// <summary>A recorded time as text (a record's <c>time</c>), shown locally; left as it is when it is no time.</summary>
    public static string Format(string recorded) =>
        DateTimeOffset.TryParse(recorded, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? Format(time) : recorded;
}
