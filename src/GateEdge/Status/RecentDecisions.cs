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
/// <param name="Mask">The mask check's wire word (<c>worn</c>, <c>not-worn</c>, <c>not-checked</c>, …).</param>
/// <param name="Codes">The reasons as their stable codes, in the same order: what the page says in the guard's language.</param>
internal sealed record DecisionSummary(long Seq, DateTimeOffset Time, string Lane, string Credential, decimal? BodyC, string Mask, string Outcome, string Rules, string Reasons,
    IReadOnlyList<string> Codes)
{
    /// <summary>The temperature as a log line says it: "36.6 °C", or "no reading".</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string Temperature => BodyC is { } c ? $"{c.ToString(System.Globalization.CultureInfo.InvariantCulture)} °C" : "no reading";
}
