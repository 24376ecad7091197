using GateEdge.Registry;

namespace GateEdge.Tests.Registry;

/// <summary>Validity follows the wall clock through small corrections, ignores a step until the centre confirms the new time, and a replayed old confirmation does nothing.</summary>
public sealed class ValidityClockTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 6, 8, 0, 0, TimeSpan.Zero);
    private readonly SteppableClock _wall = new(Start);

    [Fact]
    public void A_step_of_the_wall_clock_is_ignored_until_a_fresh_signed_message_confirms_it()
    {
        var clock = new ValidityClock(_wall, TimeSpan.FromSeconds(60));
        _wall.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(Start.AddMinutes(10), clock.Now);

        // The wall clock stepped a day ahead (monotonic time goes on as before): validity stays where time really is.
        _wall.Set(_wall.GetUtcNow().AddDays(1));
        Assert.Equal(Start.AddMinutes(10), clock.Now);
        _wall.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(Start.AddMinutes(15), clock.Now);

        // A message the centre issued a week ago confirms nothing; one issued now (by the stepped clock's time) does.
        clock.Confirm(Start.AddDays(-7));
        Assert.Equal(Start.AddMinutes(15), clock.Now);
        clock.Confirm(_wall.GetUtcNow().AddSeconds(-20));
        Assert.Equal(_wall.GetUtcNow(), clock.Now);
    }

    [Fact]
    public void A_clock_set_back_to_replay_an_old_confirmation_moves_nothing()
    {
        var clock = new ValidityClock(_wall, TimeSpan.FromSeconds(60));
        clock.Confirm(Start);
        _wall.Advance(TimeSpan.FromHours(2));
        clock.Confirm(_wall.GetUtcNow());

        _wall.Set(Start.AddSeconds(10)); // back two hours, to when the first copy was issued
        clock.Confirm(Start);
        Assert.Equal(Start.AddHours(2), clock.Now);
    }

    [Fact]
    public void Small_corrections_are_followed_at_once()
    {
        var clock = new ValidityClock(_wall, TimeSpan.FromSeconds(60));
        _wall.Set(Start.AddSeconds(30));
        Assert.Equal(Start.AddSeconds(30), clock.Now);
    }

    /// <summary>A wall clock that can be set to anything while the monotonic clock only ever runs forward with <see cref="Advance"/>, as on a real box.</summary>
    private sealed class SteppableClock(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset _wall = start;
        private long _monotonic;

        public override DateTimeOffset GetUtcNow() => _wall;

        public override long GetTimestamp() => _monotonic;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public void Advance(TimeSpan by) => (_wall, _monotonic) = (_wall + by, _monotonic + by.Ticks);

        public void Set(DateTimeOffset wall) => _wall = wall;
    }
}
