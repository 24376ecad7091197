namespace GateEdge.Evidence.Verify;

/// <summary>What the verifier knows of one gateway's received events, by sequence number.</summary>
internal sealed class GatewayRecord(string gateway)
{
    public string Gateway => gateway;

    /// <summary>Each sequence number's distinct bodies (two or more: a conflicting repeat).</summary>
    public SortedDictionary<long, List<ReceivedEvent>> Events { get; } = [];

    public List<(long Size, string Head, string Time)> Checkpoints { get; } = [];

    public int HarmlessRepeats { get; set; }

    public void Add(ReceivedEvent e)
    {
        if (!Events.TryGetValue(e.Seq, out var seen))
        {
            Events[e.Seq] = [e];
        }
        else if (seen.Any(s => s.Hash.AsSpan().SequenceEqual(e.Hash)))
        {
            HarmlessRepeats++;
        }
        else
        {
            seen.Add(e);
        }
    }
}

/// <summary>
/// One received event: its body's facts and the hash the chain uses for it (the body's own, or for a
/// redacted copy the hash its header asserts, which only the next event's link can vouch for).
/// </summary>
internal sealed record ReceivedEvent(long Seq, string Kind, string Prev, byte[] Hash, byte[] Body, GatewayMessage.Header Header,
    string? Id, string? Outcome, long? ForSeq, string? Relay);
