namespace GateEdge.Journal;

/// <summary>What the publisher's drain needs of the journal: the undelivered events in order, and marking them delivered.</summary>
internal interface IOutbox
{
    /// <summary>Up to <paramref name="limit"/> undelivered events after <paramref name="afterSeq"/>, in sequence order.</summary>
    IReadOnlyList<JournalEntry> ReadUndelivered(long afterSeq, int limit);

    /// <summary>False when the disk refuses: the caller keeps the marks and tries again; the events stay undelivered.</summary>
    bool MarkDelivered(IReadOnlyList<long> seqs);

    /// <summary>The last sequence number issued: events up to it existed before a new connection.</summary>
    long LastSeq { get; }

    /// <summary>Events stored and not yet acknowledged by the broker.</summary>
    long CountUndelivered();

    /// <summary>Raised after each commit that added events.</summary>
    event Action? Appended;

    /// <summary>Raised when older events went back into the backlog (a republish): the drain reads from the start again.</summary>
    event Action? Requeued;
}
