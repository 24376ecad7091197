namespace GateEdge.Journal;

/// <summary>
/// The identity the journal gives an event: a per-gateway sequence that is never issued twice, a
/// UUIDv7, and the hex SHA-256 of the previous event's body (<see cref="Evidence.EventChain"/>).
/// </summary>
internal readonly record struct EventStamp(long Seq, Guid Id, string Prev);
