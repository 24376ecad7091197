using GateEdge.Common.Clock;

namespace GateEdge.Events;

/// <summary>
/// A guard signed on or off duty at an attended lane with their own card (schema <c>gateedge.guard/2</c>):
/// the post responsibility of the order, on record. <see cref="Previous"/> is the guard replaced by a sign-on.
/// </summary>
internal sealed record GuardDutyEvent(
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
    string Guard,
    string Action,
    string? Previous)
{
    public const string SchemaId = "gateedge.guard/2";

    internal GuardDutyEvent(EventHeader h, string guard, string action, string? previous)
        : this(SchemaId, h.Id, h.Seq, h.Prev, h.Time, h.Clock, h.Compound, h.Gate, h.Gateway, h.Lane, guard, action, previous)
    {
    }
}
