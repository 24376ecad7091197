using GateEdge.Common.Clock;

namespace GateEdge.Events;

/// <summary>
/// The record of a gate opened from the centre (schema <c>gateedge.remote-open/2</c>): who asked,
/// why, and which command; journalled before the relay moves, like every passage.
/// </summary>
internal sealed record RemoteOpenEvent(
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
    string CommandId,
    string Operator,
    string Reason)
{
    public const string SchemaId = "gateedge.remote-open/2";

    internal RemoteOpenEvent(EventHeader h, string commandId, string @operator, string reason)
        : this(SchemaId, h.Id, h.Seq, h.Prev, h.Time, h.Clock, h.Compound, h.Gate, h.Gateway, h.Lane, commandId, @operator, reason)
    {
    }
}
