namespace GateEdge.Devices.Framing;

/// <summary>What one read loop has seen; read from any thread for health reporting.</summary>
internal sealed class FrameCounters
{
    private long _frames;
    private long _garbageBytes;
    private long _badFrames;

    public long Frames => Interlocked.Read(ref _frames);
    public long GarbageBytes => Interlocked.Read(ref _garbageBytes);
    public long BadFrames => Interlocked.Read(ref _badFrames);

    internal void CountFrame() => Interlocked.Increment(ref _frames);

    internal void CountDiscard(DiscardReason reason, int bytes)
    {
        if (reason == DiscardReason.Garbage)
        {
            Interlocked.Add(ref _garbageBytes, bytes);
        }
        else
        {
            Interlocked.Increment(ref _badFrames);
        }
    }
}
