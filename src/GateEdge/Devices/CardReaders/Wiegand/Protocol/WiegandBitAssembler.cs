namespace GateEdge.Devices.CardReaders.Wiegand.Protocol;

/// <summary>
/// Turns an ordered stream of D0/D1 pulses into frames: a frame ends after ≥ 25 ms without a
/// pulse (docs/protocols.md §2.1). It needs pulses in the order they happened, with their times, so
/// it is fed from one ordered edge stream, never from two callbacks that may race. Pure: the
/// caller passes the time.
/// </summary>
internal sealed class WiegandBitAssembler(TimeSpan frameGap)
{
    public static readonly TimeSpan DefaultFrameGap = TimeSpan.FromMilliseconds(25);

    private readonly List<bool> _bits = new(34);
    private TimeSpan _lastPulse;

    /// <summary>Whether a frame has begun and waits for its gap.</summary>
    public bool InFrame => _bits.Count > 0;

    /// <summary>A pulse on D1 (<paramref name="one"/>) or D0 at <paramref name="at"/>; returns the previous frame if this pulse starts a new one.</summary>
    public bool[]? Pulse(bool one, TimeSpan at)
    {
        var finished = _bits.Count > 0 && at - _lastPulse >= frameGap ? Take() : null;
        _bits.Add(one);
        _lastPulse = at;
        return finished;
    }

    /// <summary>The frame in progress, if the line has been idle for the frame gap at <paramref name="now"/>.</summary>
    public bool[]? Idle(TimeSpan now) => _bits.Count > 0 && now - _lastPulse >= frameGap ? Take() : null;

    private bool[] Take()
    {
        var frame = _bits.ToArray();
        _bits.Clear();
        return frame;
    }
}
