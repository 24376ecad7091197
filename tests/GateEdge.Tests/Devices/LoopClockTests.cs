using GateEdge.Devices.Linux;

namespace GateEdge.Tests.Devices;

/// <summary>
/// The clock of a port's read loop, driven here by hand: the test thread plays the loop, asking
/// how long it may wait and firing what is due, as the loop does around each <c>poll()</c>.
/// </summary>
public sealed class LoopClockTests
{
    private int _wakes;
    private readonly LoopClock _clock;

    public LoopClockTests()
    {
        _clock = new LoopClock(() => Interlocked.Increment(ref _wakes));
        _clock.RunOn(Thread.CurrentThread);
    }

    [Fact]
    public void With_no_timer_armed_the_loop_waits_without_a_timeout()
    {
        Assert.Equal(-1, _clock.MillisecondsToNext());

        using var timer = _clock.CreateTimer(_ => { }, null, TimeSpan.FromMinutes(1), Timeout.InfiniteTimeSpan);
        Assert.InRange(_clock.MillisecondsToNext(), 59_000, 60_000);

        timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        Assert.Equal(-1, _clock.MillisecondsToNext());
    }

    [Fact]
    public void The_loop_waits_until_the_earliest_timer()
    {
        using var late = _clock.CreateTimer(_ => { }, null, TimeSpan.FromSeconds(30), Timeout.InfiniteTimeSpan);
        using var early = _clock.CreateTimer(_ => { }, null, TimeSpan.FromSeconds(2), Timeout.InfiniteTimeSpan);

        Assert.InRange(_clock.MillisecondsToNext(), 1_000, 2_000);
    }

    [Fact]
    public void Only_due_timers_fire_and_a_one_shot_timer_fires_once()
    {
        var fired = new List<string>();
        using var due = _clock.CreateTimer(_ => fired.Add("due"), null, TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        using var later = _clock.CreateTimer(_ => fired.Add("later"), null, TimeSpan.FromMinutes(1), Timeout.InfiniteTimeSpan);

        _clock.FireDue();
        _clock.FireDue();

        Assert.Equal(["due"], fired);
        Assert.InRange(_clock.MillisecondsToNext(), 59_000, 60_000);
    }

    [Fact]
    public void A_periodic_timer_stays_armed_after_it_fires()
    {
        int fired = 0;
        using var timer = _clock.CreateTimer(_ => fired++, null, TimeSpan.Zero, TimeSpan.FromSeconds(5));

        _clock.FireDue();

        Assert.Equal(1, fired);
        Assert.InRange(_clock.MillisecondsToNext(), 4_000, 5_000);
    }

    [Fact]
    public void Of_two_timers_due_together_that_cancel_each_other_only_one_fires()
    {
        int fired = 0;
        ITimer? one = null;
        ITimer? other = null;
        one = _clock.CreateTimer(_ => { fired++; other!.Dispose(); }, null, TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        other = _clock.CreateTimer(_ => { fired++; one.Dispose(); }, null, TimeSpan.Zero, Timeout.InfiniteTimeSpan);

        _clock.FireDue();

        Assert.Equal(1, fired);
    }

    [Fact]
    public void A_timer_armed_from_another_thread_wakes_the_loop_and_one_armed_on_the_loop_does_not()
    {
        using var onLoop = _clock.CreateTimer(_ => { }, null, TimeSpan.FromMinutes(1), Timeout.InfiniteTimeSpan);
        Assert.Equal(0, _wakes);

        // A thread of its own: a pool thread may be the very one that plays the loop here.
        ITimer? elsewhere = null;
        var other = new Thread(() => elsewhere = _clock.CreateTimer(_ => { }, null, TimeSpan.FromMinutes(1), Timeout.InfiniteTimeSpan));
        other.Start();
        other.Join();
        using (elsewhere)
        {
            Assert.Equal(1, _wakes);
        }
    }

    [Fact]
    public async Task Once_the_loop_has_ended_armed_and_new_timers_run_on_the_system_timers()
    {
        var armedBefore = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var armedAfter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var before = _clock.CreateTimer(_ => armedBefore.SetResult(), null, TimeSpan.FromMilliseconds(10), Timeout.InfiniteTimeSpan);

        _clock.Close();
        using var after = _clock.CreateTimer(_ => armedAfter.SetResult(), null, TimeSpan.FromMilliseconds(10), Timeout.InfiniteTimeSpan);

        Assert.Equal(-1, _clock.MillisecondsToNext());
        await armedBefore.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await armedAfter.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }
}
