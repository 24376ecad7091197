namespace GateEdge.Events;

/// <summary>
/// Periodic telemetry (schema <c>gateedge.heartbeat/1</c>): the gateway's clock, how much it has
/// yet to deliver, and its devices. Sent at QoS 0 and never journalled: a missed heartbeat is
/// replaced by the next one.
/// </summary>
internal sealed record Heartbeat(
    string Schema,
    string Gateway,
    DateTimeOffset Time,
    DateTimeOffset StartedAt,
    long LastSeq,
    long Backlog,
    bool BacklogAlarm,
    IReadOnlyDictionary<string, string> Devices,
    IReadOnlyDictionary<string, Heartbeat.ListState> Lists)
{
    public const string SchemaId = "gateedge.heartbeat/1";

    /// <summary>A list's version in force, when it arrived (null for the local baseline), and whether it is past its freshness limit.</summary>
    internal sealed record ListState(long Version, DateTimeOffset? AppliedAt, bool Stale);
}
