using GateEdge.Devices.Framing;

namespace GateEdge.Devices.Health;

/// <summary>
/// What one device has done since the gateway started, across reopens: written by its read loop
/// and session, read from any thread for health and status.
/// </summary>
internal sealed class DeviceCounters(TimeProvider time)
{
    private long _frames;
    private long _badFrames;
    private long _garbageBytes;
    private long _silentPolls;
    private long _disconnects;
    private long _lastFrameTicks;
    private long _floodedReads;
    private long _tamperReports;
    private long _implausibleReadings;
    private long _lastFaultTicks;
    private long _lastFaultStamp;
    private string? _lastFault;
    private TaskCompletionSource _nextFault = NewFaultSignal();
    private Severity _lastSeverity;
    private readonly Lock _faultLock = new();

    public long Frames => Interlocked.Read(ref _frames);
    public long BadFrames => Interlocked.Read(ref _badFrames);
    public long GarbageBytes => Interlocked.Read(ref _garbageBytes);
    public long SilentPolls => Interlocked.Read(ref _silentPolls);
    public long Disconnects => Interlocked.Read(ref _disconnects);

    public DateTimeOffset? LastFrameAt => At(ref _lastFrameTicks);

    /// <summary>When the device last misbehaved without failing outright: a bad frame, garbage, a silent poll.</summary>
    public DateTimeOffset? LastFaultAt => At(ref _lastFaultTicks);

    public string? LastFault => Volatile.Read(ref _lastFault);

    /// <summary>How long ago the last fault was counted, on the monotonic clock (a stepped wall clock does not age it).</summary>
    public TimeSpan SinceLastFault => time.GetElapsedTime(Interlocked.Read(ref _lastFaultStamp));

    /// <summary>Completes at the first fault counted after it was read: health waits for trouble without a timer.</summary>
    public Task NextFault => Volatile.Read(ref _nextFault).Task;

    public void CountFrame()
    {
        Interlocked.Increment(ref _frames);
        Interlocked.Exchange(ref _lastFrameTicks, time.GetUtcNow().UtcTicks);
    }

    public void CountDiscard(DiscardReason reason, int bytes)
    {
        if (reason == DiscardReason.Garbage)
        {
            Interlocked.Add(ref _garbageBytes, bytes);
            Fault($"{bytes} byte(s) of garbage on the line", Severity.Garbage);
        }
        else
        {
            Interlocked.Increment(ref _badFrames);
            Fault(reason switch
            {
                DiscardReason.BadChecksum => "a frame failed its checksum",
                DiscardReason.Malformed => "a frame's content was impossible",
                DiscardReason.Truncated => "a frame was cut short",
                DiscardReason.Unsupported => "a frame came in a mode the gateway does not speak (check the device's settings)",
                _ => "a frame had an impossible length",
            }, Severity.BadFrame);
        }
    }

    /// <summary>A well-formed answer that says the device did not do what it was asked (a speech module refusing a prompt).</summary>
    public void CountRefusal(string why)
    {
        Interlocked.Increment(ref _badFrames);
        Fault(why, Severity.BadFrame);
    }

    public void CountSilentPoll(string why)
    {
        Interlocked.Increment(ref _silentPolls);
        Fault(why, Severity.MissedReply);
    }

    public void CountDisconnect() => Interlocked.Increment(ref _disconnects);

    public long FloodedReads => Interlocked.Read(ref _floodedReads);

    public long TamperReports => Interlocked.Read(ref _tamperReports);

    public long ImplausibleReadings => Interlocked.Read(ref _implausibleReadings);

    /// <summary>The device reports it was tampered with (its housing opened, its power failed): the device is degraded.</summary>
    public void CountTamper(string why)
    {
        Interlocked.Increment(ref _tamperReports);
        Fault(why, Severity.BadFrame);
    }

    /// <summary>Readings that cannot be measurements (the same value for person after person): the device is degraded.</summary>
    public void CountImplausible(string why)
    {
        Interlocked.Increment(ref _implausibleReadings);
        Fault(why, Severity.BadFrame);
    }

    /// <summary>A card read beyond what a person can present (the lanes' flood limit): counted, not decided; the reader is degraded.</summary>
    public void CountFloodedRead(string why)
    {
        Interlocked.Increment(ref _floodedReads);
        Fault(why, Severity.BadFrame);
    }

    /// <summary>
    /// Keeps the most telling recent fault as the reason: resynchronising after a bad frame discards the
    /// rest of it as garbage, and "garbage" would hide "checksum".
    /// </summary>
    private void Fault(string why, Severity severity)
    {
        lock (_faultLock)
        {
            long now = time.GetUtcNow().UtcTicks;
            if (severity >= _lastSeverity || now - _lastFaultTicks > TimeSpan.TicksPerSecond)
            {
                _lastFault = why;
                _lastSeverity = severity;
            }

            Interlocked.Exchange(ref _lastFaultTicks, now);
            Interlocked.Exchange(ref _lastFaultStamp, time.GetTimestamp());
        }

        Interlocked.Exchange(ref _nextFault, NewFaultSignal()).TrySetResult();
    }

    // Completed asynchronously: the device's read thread that counted the fault goes straight back to reading.
    private static TaskCompletionSource NewFaultSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private enum Severity
    {
        Garbage,
        MissedReply,
        BadFrame,
    }

    private static DateTimeOffset? At(ref long ticks)
    {
        long value = Interlocked.Read(ref ticks);
        return value == 0 ? null : new DateTimeOffset(value, TimeSpan.Zero);
    }
}
