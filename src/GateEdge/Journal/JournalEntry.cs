namespace GateEdge.Journal;

/// <summary>
/// A stored event on its way to the centre: its body as signed (or, once <see cref="Redacted"/>,
/// the purged copy), its SHA-256 as first recorded, and its signature (null for an event recorded
/// before the gateway signed).
/// </summary>
internal sealed record JournalEntry(long Seq, string Kind, byte[] Payload, byte[]? Hash, byte[]? Signature, bool Redacted);
