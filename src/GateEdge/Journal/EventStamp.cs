namespace GateEdge.Journal;

/// <summary>The identity the journal gives an event: a gap-free sequence per gateway and a UUIDv7.</summary>
internal readonly record struct EventStamp(long Seq, Guid Id);
