using GateEdge.Configuration;
using GateEdge.Journal;

namespace GateEdge.Events;

/// <summary>
/// The fields every event at a lane opens with (after its schema): which event, when, and at
/// which compound, gate, gateway and lane. Built only by <see cref="EventHeaders"/>.
/// </summary>
internal readonly record struct EventHeader(string Id, long Seq, DateTimeOffset Time, string Compound, string Gate, string Gateway, string Lane);

/// <summary>The one place an event's header is filled: from the journal's stamp and this gateway's identity.</summary>
internal sealed class EventHeaders(GatewayOptions gateway)
{
    public EventHeader For(EventStamp stamp, DateTimeOffset time, string lane) =>
        new(stamp.Id.ToString(), stamp.Seq, time, gateway.CompoundId, gateway.GateId, gateway.Id, lane);
}
