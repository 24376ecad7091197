namespace GateEdge.Journal;

/// <summary>Events of <paramref name="Kind"/> are purged by <paramref name="Redact"/> once stored longer than <paramref name="After"/>.</summary>
internal sealed record JournalRedaction(string Kind, TimeSpan After, Func<byte[], byte[]> Redact);
