using GateEdge.Devices.CardReaders;
using GateEdge.Devices.Health;
using GateEdge.Devices.Thermometers;
using GateEdge.Lanes;
using GateEdge.Rules;
using GateEdge.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace GateEdge.Tests.Lanes;

/// <summary>A lane told to stop answers everyone it already holds before it ends.</summary>
public sealed class LaneStopTests
{
    private static readonly Credential Zhang = OneResidentLane.Zhang;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 7, 8, 0, 0, TimeSpan.Zero));
    private readonly RecordingRecorder _recorder = new();
    private readonly LaneCoordinator _lane;

    public LaneStopTests() => _lane = Lane(_recorder);

    private LaneCoordinator Lane(IPassageRecorder recorder)
    {
        var health = new DeviceHealthBoard(_time);
        health.Report("thermometer", DeviceState.Online, null);
        return OneResidentLane.Build(_time, health, recorder);
    }

    [Fact]
    public async Task A_card_still_waiting_for_its_reading_at_the_stop_is_recorded_as_a_retest_for_want_of_one()
    {
        using var stop = new CancellationTokenSource();
        var run = _lane.RunAsync(stop.Token);
        Assert.True(_lane.Post(new LaneInput.Card(new CardPresented("reader", Zhang, null, _time.GetUtcNow()))));
        await stop.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        var attempt = Assert.Single(_recorder.Recorded).Attempt;
        Assert.Equal(Outcome.Retest, attempt.Decision.Outcome);
        Assert.Contains(ReasonCode.NoReading, attempt.Decision.Codes);
    }

    [Fact]
    public async Task A_card_and_its_reading_posted_before_the_stop_are_decided_together()
    {
        using var stop = new CancellationTokenSource();
        var run = _lane.RunAsync(stop.Token);
        _lane.Post(new LaneInput.Card(new CardPresented("reader", Zhang, null, _time.GetUtcNow())));
        _lane.Post(new LaneInput.Reading(new ThermometerReading("thermometer", 36.6m, 36.6m, 25m, HasTarget: true, _time.GetUtcNow())));
        await stop.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        var attempt = Assert.Single(_recorder.Recorded).Attempt;
        Assert.Equal((Outcome.Allow, 36.6m), (attempt.Decision.Outcome, attempt.Reading!.BodyC));
    }

    [Fact]
    public async Task A_lane_with_nobody_waiting_stops_with_nothing_recorded()
    {
        using var stop = new CancellationTokenSource();
        var run = _lane.RunAsync(stop.Token);
        await stop.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.Empty(_recorder.Recorded);
    }

    [Fact]
    public async Task A_journal_that_never_answers_holds_the_stop_for_the_grace_and_no_longer()
    {
        var lane = Lane(new NeverRecording());
        using var stop = new CancellationTokenSource();
        var run = lane.RunAsync(stop.Token);
        lane.Post(new LaneInput.Card(new CardPresented("reader", Zhang, null, _time.GetUtcNow())));
        lane.Post(new LaneInput.Reading(new ThermometerReading("thermometer", 36.6m, 36.6m, 25m, HasTarget: true, _time.GetUtcNow())));
        await stop.CancelAsync();

        _time.Advance(LaneCoordinator.StopGrace - TimeSpan.FromMilliseconds(1));
        Assert.False(run.IsCompleted, "the lane still waits for its record within the grace");
        _time.Advance(TimeSpan.FromMilliseconds(1));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    /// <summary>A journal stuck on a dead disk: nothing is recorded until the wait is given up.</summary>
    private sealed class NeverRecording : IPassageRecorder
    {
        public async Task<GateEdge.Journal.EventStamp?> RecordAsync(LaneAttempt attempt, CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            return null;
        }

        public Task RecordGuardDutyAsync(GuardDutyChange change, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task RecordOverrideAsync(GuardOverride decision, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
