using GateEdge.Common.Clock;
using GateEdge.Hosting;
using GateEdge.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace GateEdge.Tests.Common.Clock;

public sealed class ClockWitnessTests
{
    private const string Boot = "0b6f1c2e-53a4-4d3e-9f0a-3c5e7d9b1a24";
    private static readonly TimeSpan TwoDays = TimeSpan.FromDays(2);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 5, 8, 0, 0, TimeSpan.Zero));
    private readonly SettableClockSynchronisation _service = new(synchronised: false);

    [Fact]
    public void Every_reading_says_whether_the_clock_was_synchronised_with_its_boot_and_monotonic_time()
    {
        var witness = new ClockWitness(_service, Boot, _time);
        double start = witness.Read().Uptime;
        _time.Advance(TimeSpan.FromSeconds(2.5));

        Assert.Equal(new ClockReading(false, Boot, start + 2.5), witness.Witness(1, _time.GetUtcNow()));
        _service.Synchronised = true;
        Assert.Equal(new ClockReading(true, Boot, start + 2.5), witness.Witness(2, _time.GetUtcNow()));
        _service.Synchronised = null;
        Assert.Null(witness.Witness(3, _time.GetUtcNow()).Synced);
    }

    [Fact]
    public void A_synchronisation_names_the_events_stamped_before_it_and_how_far_the_clock_moved_once()
    {
        var clock = new SteppedWallClock(_time);
        var witness = new ClockWitness(_service, Boot, clock);
        _ = witness.Witness(7, clock.GetUtcNow());
        _time.Advance(TimeSpan.FromSeconds(1));
        _ = witness.Witness(8, clock.GetUtcNow());
        _ = witness.Witness(9, clock.GetUtcNow());
        Assert.Null(witness.TakeSynchronisation()); // not synchronised yet

        // The time service steps the wall clock two days forward; the monotonic clock moves on by one second.
        clock.StepWallClock(TwoDays);
        _time.Advance(TimeSpan.FromSeconds(1));
        _service.Synchronised = true;

        Assert.Equal(new ClockSynchronised(7, 9, 172800), witness.TakeSynchronisation());
        Assert.Null(witness.TakeSynchronisation());
    }

    [Fact]
    public void Events_stamped_after_the_step_but_before_the_flag_do_not_hide_how_far_the_earlier_ones_were_off()
    {
        var clock = new SteppedWallClock(_time);
        var witness = new ClockWitness(_service, Boot, clock);
        _ = witness.Witness(1, clock.GetUtcNow());
        clock.StepWallClock(-TwoDays);
        _ = witness.Witness(2, clock.GetUtcNow()); // stepped back, flag not yet set
        _service.Synchronised = true;

        Assert.Equal(new ClockSynchronised(1, 2, -172800), witness.TakeSynchronisation());
        Assert.Null(witness.TakeSynchronisation());
        _ = witness.Witness(10, clock.GetUtcNow());
        Assert.Null(witness.TakeSynchronisation()); // stamped synchronised: nothing to say
    }

    [Fact]
    public void The_monotonic_time_is_the_moment_of_the_decision_not_of_the_stamping()
    {
        var witness = new ClockWitness(_service, Boot, _time);
        var decidedAt = _time.GetUtcNow();
        double then = witness.Read().Uptime;
        _time.Advance(TimeSpan.FromMilliseconds(120)); // the journal was slow to take it

        Assert.Equal(then, witness.Witness(1, decidedAt).Uptime);
        Assert.Equal(then + 0.12, witness.Witness(2, decidedAt + TimeSpan.FromHours(1)).Uptime, 3); // a stamp from the future: now
    }

    [Fact]
    public void A_clock_that_was_synchronised_throughout_says_nothing()
    {
        _service.Synchronised = true;
        var witness = new ClockWitness(_service, Boot, _time);
        _ = witness.Witness(1, _time.GetUtcNow());
        Assert.Null(witness.TakeSynchronisation());
    }

    [Theory]
    [InlineData(3, 3, 172800, "event 3 was stamped before it and the clock moved 172800 s forward, so their times are up to that far behind")]
    [InlineData(1, 27, -3600.25, "events 1-27 were stamped before it and the clock moved 3600.25 s back, so their times are up to that far ahead")]
    [InlineData(4, 5, 0, "events 4-5 were stamped before it and the clock did not move")]
    public void The_alarm_says_which_events_and_which_way(long from, long to, double step, string said) =>
        Assert.Equal("the clock is synchronised; " + said, ClockSynchronisationAlarm.Detail(new ClockSynchronised(from, to, step)));

    [Fact]
    public void The_kernel_is_asked_without_privilege_and_answers() =>
        Assert.NotNull(new KernelClockSynchronisation().IsSynchronised());
}
