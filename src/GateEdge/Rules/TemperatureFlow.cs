namespace GateEdge.Rules;

/// <summary>
/// Where one person stands in the R3 retest flow: fever readings so far, invalid readings in a
/// row, and when a retest is allowed. The lane keeps it; the rules compute the next one.
/// </summary>
internal sealed record TemperatureFlow(int FeverReadings, int InvalidReadings, DateTimeOffset? RetestDueAt)
{
    public static readonly TemperatureFlow Fresh = new(0, 0, null);
}
