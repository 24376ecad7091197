using Microsoft.Extensions.Time.Testing;

namespace GateEdge.Tests.Support;

/// <summary>
/// A fake clock whose wall time can be stepped (an NTP correction, a technician setting the date)
/// while its monotonic timestamps and timers go on undisturbed, as on a real machine.
/// </summary>
internal sealed class SteppedWallClock(FakeTimeProvider inner) : TimeProvider
{
    private TimeSpan _step;

    public void StepWallClock(TimeSpan by) => _step += by;

    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow() + _step;

    public override long GetTimestamp() => inner.GetTimestamp();

    public override long TimestampFrequency => inner.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        inner.CreateTimer(callback, state, dueTime, period);
}
