using GateEdge.Common;
using GateEdge.Common.Clock;
using GateEdge.Journal;

namespace GateEdge.Events;

/// <summary>
/// The fields every journalled event opens with (after its schema): which event, its place in the
/// gateway's chain (<see cref="Prev"/>, docs/mqtt.md "The chain"), when and by which clock, and at
/// which compound, gate, gateway and lane. Built only by <see cref="EventHeaders"/>.
/// </summary>
internal readonly record struct EventHeader(string Id, long Seq, string Prev, DateTimeOffset Time, ClockReading Clock, string Compound, string Gate, string Gateway, string Lane);

/// <summary>The one place an event's header is filled: from the journal's stamp, the clock's witness and this gateway's identity.</summary>
internal sealed class EventHeaders(GatewayOptions gateway, ClockWitness clock)
{
    public EventHeader For(EventStamp stamp, DateTimeOffset time, string lane) =>
        new(stamp.Id.ToString(), stamp.Seq, stamp.Prev, time, clock.Witness(stamp.Seq, time), gateway.CompoundId, gateway.GateId, gateway.Id, lane);
}
