namespace GateEdge.Journal;

/// <summary>A stored event waiting for, or past, delivery.</summary>
internal sealed record JournalEntry(long Seq, string Topic, byte[] Payload);
