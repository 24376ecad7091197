using GateEdge.Common.Clock;

namespace GateEdge.Events;

/// <summary>
/// Periodic telemetry (schema <c>gateedge.heartbeat/1</c>): the gateway's clock, how much it has
/// yet to deliver, and its devices. Sent at QoS 0 and never journalled: a missed heartbeat is
/// replaced by the next one.
/// </summary>
/// <param name="Clock">Whether the clock is synchronised, this boot and the time since it, as each event carries them.</param>
/// <param name="UptimeSeconds">Time since start by the monotonic clock, which no clock setting moves.</param>
/// <param name="ClockStepSeconds">How far the wall clock was set forward (positive) or back since start: event times before and after a step are that far apart.</param>
/// <param name="RecordingProblem">Why attempts cannot be recorded now (a full disk, a read-only state folder); null when they can.</param>
internal sealed record Heartbeat(
    string Schema,
    string Gateway,
    DateTimeOffset Time,
    ClockReading Clock,
    DateTimeOffset StartedAt,
    double UptimeSeconds,
    double ClockStepSeconds,
    long LastSeq,
    long Backlog,
    bool BacklogAlarm,
    IReadOnlyDictionary<string, string> Devices,
    IReadOnlyDictionary<string, Heartbeat.ListState> Lists,
    string? RecordingProblem)
{
    public const string SchemaId = "gateedge.heartbeat/1";

    /// <summary>The wall clock's travel since start less the monotonic clock's, to the millisecond.</summary>
    public static double ClockStep(DateTimeOffset startedAt, DateTimeOffset now, TimeSpan uptime) =>
        Math.Round((now - startedAt - uptime).TotalSeconds, 3);

    /// <summary>A list's version in force, when it arrived (null for the local baseline), and whether it is past its freshness limit.</summary>
    internal sealed record ListState(long Version, DateTimeOffset? AppliedAt, bool Stale);
}
