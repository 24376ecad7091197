namespace GateEdge.Events;

/// <summary>
/// The guard's decision on a referred attempt (schema <c>gateedge.override/1</c>): its own event,
/// pointing at the passage it decides, which stays as it was recorded. <see cref="Decision"/> is
/// <c>allow</c>, <c>deny</c>, or <c>expired</c> when no key was pressed in time (the gate stayed shut).
/// </summary>
internal sealed record OverrideEvent(
    string Schema,
    string Id,
    long Seq,
    DateTimeOffset Time,
    string Compound,
    string Gate,
    string Gateway,
    string Lane,
    string Passage,
    long PassageSeq,
    string? Guard,
    string Decision,
    string Reason)
{
    public const string SchemaId = "gateedge.override/1";

    internal OverrideEvent(EventHeader h, string passage, long passageSeq, string? guard, string decision, string reason)
        : this(SchemaId, h.Id, h.Seq, h.Time, h.Compound, h.Gate, h.Gateway, h.Lane, passage, passageSeq, guard, decision, reason)
    {
    }
}
