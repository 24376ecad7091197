using GateEdge.Common.Clock;

namespace GateEdge.Events;

/// <summary>
/// The guard's decision on a referred attempt (schema <c>gateedge.override/2</c>): its own event,
/// pointing at the passage it decides, which stays as it was recorded. <see cref="Decision"/> is
/// <c>allow</c>, <c>deny</c>, or <c>expired</c> when no key was pressed in time (the gate stayed shut).
/// </summary>
internal sealed record OverrideEvent(
    string Schema,
    string Id,
    long Seq,
    string Prev,
    DateTimeOffset Time,
    ClockReading Clock,
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
    public const string SchemaId = "gateedge.override/2";

    internal OverrideEvent(EventHeader h, string passage, long passageSeq, string? guard, string decision, string reason)
        : this(SchemaId, h.Id, h.Seq, h.Prev, h.Time, h.Clock, h.Compound, h.Gate, h.Gateway, h.Lane, passage, passageSeq, guard, decision, reason)
    {
    }
}
