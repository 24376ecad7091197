using GateEdge.Common.Clock;

namespace GateEdge.Events;

/// <summary>
/// Something about the gateway itself the centre must know, on record (schema <c>gateedge.alarm/1</c>):
/// <see cref="Alarm"/> is a stable code, <see cref="Detail"/> says it in words. <c>journal-missing-events</c>
/// names the sequence numbers the journal issued and no longer holds (<see cref="FromSeq"/>–<see cref="ToSeq"/>).
/// </summary>
internal sealed record AlarmEvent(
    string Schema,
    string Id,
    long Seq,
    string Prev,
    DateTimeOffset Time,
    ClockReading Clock,
    string Compound,
    string Gate,
    string Gateway,
    string Alarm,
    string Detail,
    long? FromSeq,
    long? ToSeq)
{
    public const string SchemaId = "gateedge.alarm/1";

    public const string JournalMissingEvents = "journal-missing-events";

    public const string JournalNearlyFull = "journal-nearly-full";

    public const string JournalDamaged = "journal-damaged";

    public const string JournalRowErased = "journal-row-erased";

    public const string GatewayIdClash = "gateway-id-clash";

    public const string ClockSynchronised = "clock-synchronised";

    internal AlarmEvent(EventHeader h, string alarm, string detail, long? fromSeq = null, long? toSeq = null)
        : this(SchemaId, h.Id, h.Seq, h.Prev, h.Time, h.Clock, h.Compound, h.Gate, h.Gateway, alarm, detail, fromSeq, toSeq)
    {
    }
}
