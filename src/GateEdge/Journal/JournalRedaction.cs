namespace GateEdge.Journal;

/// <summary>Events on <paramref name="Topic"/> are rewritten by <paramref name="Redact"/> once stored longer than <paramref name="After"/>.</summary>
internal sealed record JournalRedaction(string Topic, TimeSpan After, Func<byte[], byte[]> Redact);
