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
    IReadOnlyDictionary<string, string> Devices)
{
    public const string SchemaId = "gateedge.heartbeat/1";
}
