namespace GateEdge.Status;

/// <summary>
/// At each attended lane, the guard on duty and the referred attempt waiting for their key, for the
/// status page: what a guard looking at the screen must see first. Memory only; the record has both.
/// </summary>
internal sealed class GuardDesk
{
    private readonly Dictionary<string, LaneDesk> _lanes = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public void SignedOn(string lane, string guard) => Change(lane, desk => desk with { Guard = guard });

    public void SignedOff(string lane) => Change(lane, desk => desk with { Guard = null });

    public void Referred(string lane, long seq, DateTimeOffset at) => Change(lane, desk => desk with { Waiting = new WaitingReferral(seq, at) });

    /// <summary>The guard decided the attempt, or its time ran out: nothing waits at the lane.</summary>
    public void Closed(string lane, long seq) => Change(lane, desk => desk.Waiting?.Seq == seq ? desk with { Waiting = null } : desk);

    public LaneDesk For(string lane)
    {
        lock (_lock)
        {
            return _lanes.GetValueOrDefault(lane) ?? LaneDesk.Empty;
        }
    }

    private void Change(string lane, Func<LaneDesk, LaneDesk> change)
    {
        lock (_lock)
        {
            _lanes[lane] = change(_lanes.GetValueOrDefault(lane) ?? LaneDesk.Empty);
        }
    }
}

/// <param name="Guard">The guard's reference (as the registry names them), null when nobody signed on.</param>
internal sealed record LaneDesk(string? Guard, WaitingReferral? Waiting)
{
    public static readonly LaneDesk Empty = new(null, null);
}

internal sealed record WaitingReferral(long Seq, DateTimeOffset Since);
