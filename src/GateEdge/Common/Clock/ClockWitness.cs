namespace GateEdge.Common.Clock;

/// <summary>
/// What an event says about the clock that stamped it (docs/mqtt.md, "The clock"): whether the wall
/// clock was synchronised, which boot of the box it was, and the monotonic time since that boot,
/// which no clock setting moves. From these the centre places an event stamped before the first
/// synchronisation: at the time of a synchronised event of the same boot, less the monotonic
/// time between them.
/// </summary>
internal sealed class ClockWitness(IClockSynchronisation synchronisation, string? bootId, TimeProvider time)
{
    private static readonly TimeSpan MomentAgo = TimeSpan.FromMinutes(1);
    private readonly Lock _lock = new();
    private UnsynchronisedRun? _unsynchronised;

    /// <summary>This boot's identifier (<c>/proc/sys/kernel/random/boot_id</c>), or null where there is none.</summary>
    public string? BootId { get; } = bootId;

    /// <summary>The wall clock is synchronised now (null: it cannot be told), for the status page.</summary>
    public bool? Synchronised => synchronisation.IsSynchronised();

    public static ClockWitness ForThisBox(string? synchronisedFlag, TimeProvider time) =>
        new(synchronisedFlag is null ? new KernelClockSynchronisation() : new FlagFileClockSynchronisation(synchronisedFlag), ReadBootId(), time);

    /// <summary>The clock as it stands now.</summary>
    public ClockReading Read() => new(synchronisation.IsSynchronised(), BootId, Math.Round(time.GetElapsedTime(0).TotalSeconds, 3));

    /// <summary>
    /// The clock for the event numbered <paramref name="seq"/>, stamped <paramref name="at"/> (a
    /// decision a moment ago): its monotonic time is taken back to that moment, so the centre places
    /// it where it was decided. An unsynchronised one is remembered for <see cref="TakeSynchronisation"/>.
    /// </summary>
    public ClockReading Witness(long seq, DateTimeOffset at)
    {
        bool? synchronised = synchronisation.IsSynchronised();
        var monotonic = time.GetElapsedTime(0);
        var wall = time.GetUtcNow();
        var since = wall - at;
        if (synchronised == false)
        {
            lock (_lock)
            {
                var offset = TimeSpan.FromTicks(wall.UtcTicks) - monotonic;
                _unsynchronised = _unsynchronised is { } run
                    ? run with { LastSeq = seq, LeastOffset = Min(run.LeastOffset, offset), GreatestOffset = Max(run.GreatestOffset, offset) }
                    : new UnsynchronisedRun(seq, seq, offset, offset);
            }
        }

        // A stamp from the future or from long ago is not "a moment ago" (the wall clock moved meanwhile): now is the best there is.
        var stamped = since >= TimeSpan.Zero && since < MomentAgo ? monotonic - since : monotonic;
        return new ClockReading(synchronised, BootId, Math.Round(stamped.TotalSeconds, 3));
    }

    /// <summary>
    /// Once the clock is synchronised after events were stamped without: which they were and how far
    /// the clock moved since the one it moved most for (positive: they were stamped behind). Taken once.
    /// </summary>
    public ClockSynchronised? TakeSynchronisation()
    {
        if (synchronisation.IsSynchronised() != true)
        {
            return null;
        }

        lock (_lock)
        {
            if (_unsynchronised is not { } run)
            {
                return null;
            }

            _unsynchronised = null;
            var offset = TimeSpan.FromTicks(time.GetUtcNow().UtcTicks) - time.GetElapsedTime(0);
            var (forward, back) = (offset - run.LeastOffset, offset - run.GreatestOffset);
            return new ClockSynchronised(run.FirstSeq, run.LastSeq, Math.Round((forward.Duration() >= back.Duration() ? forward : back).TotalSeconds, 3));
        }
    }

    private static string? ReadBootId()
    {
        try
        {
            return Guid.TryParse(File.ReadAllText("/proc/sys/kernel/random/boot_id").Trim(), out var id) ? id.ToString() : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null; // not Linux, or /proc hidden: events say so with a null boot
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    /// <summary>The unsynchronised events, and the least and greatest wall-less-monotonic offset they were stamped with.</summary>
    private readonly record struct UnsynchronisedRun(long FirstSeq, long LastSeq, TimeSpan LeastOffset, TimeSpan GreatestOffset);
}

/// <param name="Synced">The wall clock was synchronised when the event was stamped; null when that cannot be told.</param>
/// <param name="Boot">The box's boot identifier; null where there is none.</param>
/// <param name="Uptime">Seconds since that boot on the monotonic clock, to the millisecond.</param>
internal sealed record ClockReading(bool? Synced, string? Boot, double Uptime);

/// <summary>The clock became synchronised: events <paramref name="FromSeq"/>–<paramref name="ToSeq"/> were stamped before, up to <paramref name="StepSeconds"/> off.</summary>
internal sealed record ClockSynchronised(long FromSeq, long ToSeq, double StepSeconds);
