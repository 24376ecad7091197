namespace GateEdge.Journal;

/// <summary>An event could not be made durable; whoever waits on it must not act (R2 fail-closed).</summary>
internal sealed class JournalWriteException(string message, Exception inner) : Exception(message, inner);
