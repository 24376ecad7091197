namespace GateEdge.Publishing;

/// <summary>
/// Which failed connections to the broker are worth a warning: the first of an outage, one whose
/// reason changed, and then one every <paramref name="repeatEvery"/> while it lasts; the attempts
/// between go to the debug log. An hour without the broker costs six lines, not 720,
/// and the log still says when it began, why, and that it goes on.
/// </summary>
internal sealed class OutageLog(TimeProvider time, TimeSpan repeatEvery)
{
    private long? _since;
    private long _lastWarned;
    private string? _lastReason;
    private int _attempts;

    /// <summary>A connection attempt failed for <paramref name="reason"/>: whether to warn, and the outage so far.</summary>
    public (bool Warn, int Attempts, TimeSpan For) Failed(string reason)
    {
        long now = time.GetTimestamp();
        _since ??= now;
        _attempts++;
        bool warn = _attempts == 1 || reason != _lastReason || time.GetElapsedTime(_lastWarned, now) >= repeatEvery;
        _lastReason = reason;
        if (warn)
        {
            _lastWarned = now;
        }

        return (warn, _attempts, time.GetElapsedTime(_since.Value, now));
    }

    /// <summary>Connected: the outage that ended (its failed attempts and length), or null when there was none.</summary>
    public (int Attempts, TimeSpan For)? Connected()
    {
        (int, TimeSpan)? ended = _since is { } since ? (_attempts, time.GetElapsedTime(since)) : null;
        (_since, _lastReason, _attempts) = (null, null, 0);
        return ended;
    }
}
