namespace GateEdge.Status;

/// <summary>The last decisions of every lane, masked as in the logs, for the status page. Memory only.</summary>
internal sealed class RecentDecisions
{
    private const int Kept = 20;
    private readonly Queue<DecisionSummary> _decisions = new(Kept);
    private readonly Lock _lock = new();

    public void Add(DecisionSummary decision)
    {
        lock (_lock)
        {
            if (_decisions.Count == Kept)
            {
                _decisions.Dequeue();
            }

            _decisions.Enqueue(decision);
        }
    }

    /// <summary>Newest first.</summary>
    public IReadOnlyList<DecisionSummary> Snapshot()
    {
        lock (_lock)
        {
            return [.. _decisions.Reverse()];
        }
    }
}

/// <param name="Credential">Masked, as in the logs.</param>
internal sealed record DecisionSummary(long Seq, DateTimeOffset Time, string Lane, string Credential, decimal? BodyC, string Outcome, string Rules, string Reasons);
