using GateEdge.Common.Clock;

namespace GateEdge.Events;

/// <summary>
/// What the gate physically did about an opening (schema <c>gateedge.actuation/1</c>): the relay
/// was pulsed, the pulse failed, or it was never attempted because the gateway stopped between
/// recording the opening and commanding the relay. Its own chained event, pointing at the passage,
/// override or remote open it carried out (<see cref="For"/>, <see cref="ForSeq"/>), which stays
/// as it was recorded.
/// </summary>
internal sealed record ActuationEvent(
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
    string For,
    long ForSeq,
    string Cause,
    string Relay,
    string? Problem)
{
    public const string SchemaId = "gateedge.actuation/1";

    internal ActuationEvent(EventHeader h, string forId, long forSeq, string cause, string relay, string? problem)
        : this(SchemaId, h.Id, h.Seq, h.Prev, h.Time, h.Clock, h.Compound, h.Gate, h.Gateway, h.Lane, forId, forSeq, cause, relay, problem)
    {
    }
}
