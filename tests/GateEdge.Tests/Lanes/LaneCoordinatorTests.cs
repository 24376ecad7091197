using GateEdge.Devices.CardReaders;
using GateEdge.Devices.Health;
using GateEdge.Devices.Thermometers;
using GateEdge.Lanes;
using GateEdge.Registry;
using GateEdge.Rules;
using GateEdge.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace GateEdge.Tests.Lanes;

public sealed class LaneCoordinatorTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gateedge-lane-").FullName;
    private readonly MemoryHouseholdExits _exits = new();

    private static readonly Credential Zhang = new(CredentialKind.NationalId, "11010519491231002X");
    private static readonly Credential Li = new(CredentialKind.NationalId, "440304198506120035");

    private readonly FakeTimeProvider _fake = new(new DateTimeOffset(2026, 11, 28, 8, 0, 0, TimeSpan.Zero));
    private readonly SteppedWallClock _time;
    private readonly DeviceHealthBoard _health;
    private readonly RecordingRecorder _recorder = new();
    // These tests are about pairing and flows; R4 has its own rows in EntryRulesTests.
    private readonly RulePolicy _policy = new() { MaskRequired = false };
    private readonly SeedFileRegistry _registry;
    private readonly PromptBoards _prompts;
    private LaneCoordinator _lane;

    public LaneCoordinatorTests()
    {
        _time = new SteppedWallClock(_fake);
        _prompts = new PromptBoards(_time);
        _health = new DeviceHealthBoard(_time);
        _health.Report("thermometer", DeviceState.Online, null);
        _registry = new SeedFileRegistry(
        [
            new RegistryFile.Person("R-1", PersonClassification.Resident, [new RegistryFile.CredentialEntry(Zhang.Kind, Zhang.Number)]),
            new RegistryFile.Person("R-2", PersonClassification.Resident, [new RegistryFile.CredentialEntry(Li.Kind, Li.Number)]),
        ]);
        var options = new LaneOptions { Id = "lane1", CardReaders = ["reader"], Thermometer = "thermometer" };
        _lane = new LaneCoordinator(options, _policy, _registry, _health, _recorder, _exits, _prompts.Board, _time, NullLogger<LaneCoordinator>.Instance);
    }

    [Fact]
    public async Task A_reading_then_a_card_inside_the_window_is_one_allowed_attempt()
    {
        await Gate.Reading(36.6m);
        await Gate.Advance(TimeSpan.FromSeconds(2));
        await Gate.Card(Zhang);

        var attempt = _recorder.Next();

        Assert.Equal(Outcome.Allow, attempt.Decision.Outcome);
        Assert.Equal(36.6m, attempt.Reading!.BodyC);
        Assert.Equal("R-1", attempt.Person!.Reference);
    }

    [Fact]
    public async Task A_card_then_a_reading_inside_the_window_is_one_attempt()
    {
        await Gate.Card(Zhang);
        await Gate.Advance(_policy.PairingWindow - TimeSpan.FromMilliseconds(1));
        await Gate.Reading(36.7m);

        var attempt = _recorder.Next();

        Assert.Equal(Outcome.Allow, attempt.Decision.Outcome);
        Assert.Equal(36.7m, attempt.Reading!.BodyC);
    }

    [Fact]
    public async Task A_reading_older_than_the_window_is_not_paired()
    {
        await Gate.Reading(36.6m);
        await Gate.Advance(_policy.PairingWindow + TimeSpan.FromMilliseconds(1));
        await Gate.Card(Zhang);
        await Gate.Advance(_policy.PairingWindow);

        var attempt = _recorder.Next();

        Assert.Equal(Outcome.Retest, attempt.Decision.Outcome);
        Assert.Equal(TemperatureStatus.Missing, attempt.Decision.TemperatureStatus);
        Assert.Null(attempt.Reading);
    }

    [Fact]
    public async Task The_same_card_again_within_the_duplicate_window_is_one_presentation()
    {
        await Gate.Reading(36.6m);
        await Gate.Card(Zhang);
        Assert.Equal(Outcome.Allow, _recorder.Next().Decision.Outcome);

        await Gate.NoTarget();
        await Gate.Reading(36.6m);
        await Gate.Advance(_policy.DuplicateWindow - TimeSpan.FromMilliseconds(1));
        await Gate.Card(Zhang);
        await Gate.Card(Li);

        var next = _recorder.Next();
        Assert.Equal(Li, next.Card.Credential);
        Assert.False(_recorder.TryTake(out _));
    }

    [Fact]
    public async Task A_reading_is_not_reused_for_the_next_person_until_the_sensor_saw_nobody()
    {
        await Gate.Reading(36.6m);
        await Gate.Card(Zhang);
        _recorder.Next();

        await Gate.Reading(36.6m);
        await Gate.Card(Li);
        await Gate.Advance(TimeSpan.FromSeconds(1));
        Assert.False(_recorder.TryTake(out _));

        await Gate.NoTarget();
        await Gate.Reading(36.9m);
        var attempt = _recorder.Next();
        Assert.Equal(Li, attempt.Card.Credential);
        Assert.Equal(36.9m, attempt.Reading!.BodyC);
    }

    [Fact]
    public async Task An_empty_room_read_again_and_again_wakes_the_lane_once_and_the_next_person_still_counts()
    {
        var room = new ThermometerReading("thermometer", 24.5m, 24.5m, 25m, HasTarget: false, _time.GetUtcNow());
        Assert.All(Enumerable.Range(0, 5), _ => Assert.False(_lane.Post(new LaneInput.Reading(room))));

        _lane.Post(new LaneInput.Reading(room with { BodyC = 36.6m, ObjectC = 36.6m, HasTarget = true }));
        await Gate.Card(Zhang);
        await _lane.HandlePostedAsync(default);
        Assert.Equal(Zhang, _recorder.Next().Card.Credential);

        Assert.Equal([true, false, false], Enumerable.Range(0, 3).Select(_ => _lane.Post(new LaneInput.Reading(room))));
        _lane.Post(new LaneInput.Reading(room with { BodyC = 36.8m, ObjectC = 36.8m, HasTarget = true }));
        await _lane.HandlePostedAsync(default);
        await Gate.Card(Li);

        var next = _recorder.Next();
        Assert.Equal(Li, next.Card.Credential);
        Assert.Equal(36.8m, next.Reading!.BodyC);
    }

    [Fact]
    public async Task Retest_flow_fever_rest_then_second_fever_is_denied_with_an_alarm()
    {
        await Gate.Reading(38.1m);
        await Gate.Card(Li);
        var first = _recorder.Next();
        Assert.Equal(Outcome.Retest, first.Decision.Outcome);

        await Gate.NoTarget();
        await Gate.Advance(_policy.RetestRest);
        await Gate.Reading(38.2m);
        await Gate.Card(Li);
        var second = _recorder.Next();

        Assert.Equal(Outcome.Deny, second.Decision.Outcome);
        Assert.Equal([AlarmKind.Fever], second.Decision.Alarms);
    }

    [Fact]
    public async Task After_a_confirmed_fever_the_same_card_with_a_normal_reading_is_held_until_the_hold_ends()
    {
        await ConfirmFeverAsync(Li);

        await Gate.Advance(TimeSpan.FromSeconds(3));
        await Gate.Reading(36.4m);
        await Gate.Card(Li);
        var cooled = _recorder.Next();
        Assert.Equal(Outcome.Deny, cooled.Decision.Outcome);
        Assert.Equal([ReasonCode.FeverHold], cooled.Decision.Codes);
        Assert.Empty(cooled.Decision.Alarms);

        await Gate.NoTarget();
        await Gate.Advance(_policy.FeverHold - TimeSpan.FromSeconds(10));
        await Gate.Reading(36.4m);
        await Gate.Card(Li);
        Assert.Equal(Outcome.Deny, _recorder.Next().Decision.Outcome);

        await Gate.NoTarget();
        await Gate.Advance(TimeSpan.FromSeconds(10));
        await Gate.Reading(36.4m);
        await Gate.Card(Li);
        Assert.Equal(Outcome.Allow, _recorder.Next().Decision.Outcome);
    }

    [Fact]
    public async Task A_fever_holds_only_the_person_who_had_it()
    {
        await ConfirmFeverAsync(Li);

        await Gate.Advance(TimeSpan.FromSeconds(4));
        await Gate.Reading(36.4m);
        await Gate.Card(Zhang);

        Assert.Equal(Outcome.Allow, _recorder.Next().Decision.Outcome);
    }

    private async Task ConfirmFeverAsync(Credential card)
    {
        await Gate.Reading(38.1m);
        await Gate.Card(card);
        Assert.Equal(Outcome.Retest, _recorder.Next().Decision.Outcome);
        await Gate.NoTarget();
        await Gate.Advance(_policy.RetestRest);
        await Gate.Reading(38.4m);
        await Gate.Card(card);
        Assert.Equal([AlarmKind.Fever], _recorder.Next().Decision.Alarms);
        await Gate.NoTarget();
    }

    [Fact]
    public async Task A_thermometer_going_offline_with_a_card_waiting_refuses_with_device_unavailable()
    {
        await Gate.Card(Zhang);
        _health.Report("thermometer", DeviceState.Offline, "unplugged");
        await _lane.HandleAsync(new LaneInput.ThermometerLost(), default);

        var attempt = _recorder.Next();

        Assert.Equal(Outcome.Deny, attempt.Decision.Outcome);
        Assert.Equal(TemperatureStatus.DeviceUnavailable, attempt.Decision.TemperatureStatus);
        Assert.Contains(attempt.Devices, d => d.Device == "thermometer" && d.State == DeviceState.Offline);
    }

    [Fact]
    public async Task A_card_while_the_thermometer_is_offline_is_refused_at_once()
    {
        _health.Report("thermometer", DeviceState.Offline, "unplugged");
        await Gate.Card(Zhang);

        var attempt = _recorder.Next();

        Assert.Equal(Outcome.Deny, attempt.Decision.Outcome);
        Assert.Contains("device unavailable", attempt.Decision.Reasons.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_person_presenting_before_the_first_was_measured_closes_the_first_attempt()
    {
        await Gate.Card(Zhang);
        await Gate.Advance(TimeSpan.FromSeconds(4));
        await Gate.Card(Li);
        await Gate.Reading(36.5m);

        var first = _recorder.Next();
        var second = _recorder.Next();

        Assert.Equal((Zhang, Outcome.Retest), (first.Card.Credential, first.Decision.Outcome));
        Assert.Equal((Li, Outcome.Allow), (second.Card.Credential, second.Decision.Outcome));
    }

    [Fact]
    public async Task Each_attempt_records_the_mask_detector_level_at_the_moment_of_decision()
    {
        _lane = new LaneCoordinator(new LaneOptions { Id = "lane1", CardReaders = ["reader"], Thermometer = "thermometer", MaskDetector = "mask" },
            _policy, _registry, _health, _recorder, _exits, _prompts.Board, _time, NullLogger<LaneCoordinator>.Instance);
        _health.Report("mask", DeviceState.Online, null);

        await Gate.Mask(worn: true);
        await Gate.Reading(36.6m);
        await Gate.Card(Zhang);
        await Gate.NoTarget();
        await Gate.Mask(worn: false);
        await Gate.Reading(36.6m);
        await Gate.Card(Li);
        await Gate.NoTarget();
        _health.Report("mask", DeviceState.Offline, "unplugged");
        await Gate.Reading(36.6m);
        await Gate.Advance(_policy.DuplicateWindow);
        await Gate.Card(Zhang);

        Assert.Equal([MaskStatus.Worn, MaskStatus.NotWorn, MaskStatus.DeviceUnavailable], [_recorder.Next().Mask, _recorder.Next().Mask, _recorder.Next().Mask]);
    }

    [Fact]
    public async Task One_exit_per_household_counts_across_members_and_restarts_until_the_period_ends()
    {
        var policy = new RulePolicy { MaskRequired = false, HouseholdExits = 1, HouseholdExitPeriod = TimeSpan.FromDays(2) };
        var registry = new SeedFileRegistry(
        [
            new RegistryFile.Person("R-1", PersonClassification.Resident, [new RegistryFile.CredentialEntry(Zhang.Kind, Zhang.Number)], Household: "H-7"),
            new RegistryFile.Person("R-2", PersonClassification.Resident, [new RegistryFile.CredentialEntry(Li.Kind, Li.Number)], Household: "H-7"),
        ]);
        var exitLane = new LaneOptions { Id = "lane2", Direction = Direction.Out, CardReaders = ["reader"], Thermometer = "thermometer" };
        using (var exits = new HouseholdExitLog(Path.Combine(_dir, "registry.db")))
        {
            _lane = new LaneCoordinator(exitLane, policy, registry, _health, _recorder, exits, _prompts.Board, _time, NullLogger<LaneCoordinator>.Instance);
            await Gate.Reading(36.6m);
            await Gate.Card(Zhang);
            await Gate.NoTarget();
        }

        // A restart: a new lane on the same state directory still knows the household went out.
        using var reopened = new HouseholdExitLog(Path.Combine(_dir, "registry.db"));
        _lane = new LaneCoordinator(exitLane, policy, registry, _health, _recorder, reopened, _prompts.Board, _time, NullLogger<LaneCoordinator>.Instance);
        await Gate.Advance(TimeSpan.FromHours(1));
        await Gate.Reading(36.6m);
        await Gate.Card(Li);
        await Gate.NoTarget();
        await Gate.Advance(TimeSpan.FromDays(2));
        await Gate.Reading(36.6m);
        await Gate.Card(Li);

        Assert.Equal([(Outcome.Allow, "R1,R3,R7"), (Outcome.Deny, "R7"), (Outcome.Allow, "R1,R3,R7")],
            new[] { _recorder.Next(), _recorder.Next(), _recorder.Next() }.Select(a => (a.Decision.Outcome, string.Join(",", a.Decision.Rules))));
    }

    [Theory]
    [InlineData(-3600)]
    [InlineData(3600)]
    public async Task A_wall_clock_step_neither_hides_a_person_nor_repeats_one(int stepSeconds)
    {
        await Gate.Reading(36.6m);
        await Gate.Card(Zhang);
        Assert.Equal(Zhang, _recorder.Next().Card.Credential);

        _time.StepWallClock(TimeSpan.FromSeconds(stepSeconds));
        await Gate.Card(Zhang);
        Assert.False(_recorder.TryTake(out _));

        await Gate.Advance(_policy.DuplicateWindow);
        await Gate.NoTarget();
        await Gate.Reading(36.7m);
        await Gate.Card(Zhang);
        await Gate.Card(Li);
        await Gate.Reading(36.8m);

        Assert.Equal([(Zhang, 36.7m), (Li, 36.8m)], new[] { _recorder.Next(), _recorder.Next() }.Select(a => (a.Card.Credential, a.Reading!.BodyC)));
        Assert.Equal(_time.GetUtcNow(), _recorder.Recorded[^1].Attempt.DecidedAt);
    }

    [Fact]
    public async Task A_reading_taken_just_before_a_forward_step_still_pairs_and_an_old_one_never_does()
    {
        await Gate.Reading(36.6m);
        _time.StepWallClock(TimeSpan.FromHours(1));
        await Gate.Card(Zhang);
        Assert.Equal(36.6m, _recorder.Next().Reading!.BodyC);

        await Gate.NoTarget();
        await Gate.Reading(36.9m);
        _time.StepWallClock(TimeSpan.FromHours(-2));
        await Gate.Advance(_policy.PairingWindow + TimeSpan.FromMilliseconds(1));
        await Gate.Card(Li);
        await Gate.Advance(_policy.PairingWindow);
        Assert.Equal(TemperatureStatus.Missing, _recorder.Next().Decision.TemperatureStatus);
    }

    [Fact]
    public async Task A_retest_rest_lasts_what_it_says_when_the_clock_is_set_back()
    {
        await Gate.Reading(38.1m);
        await Gate.Card(Zhang);
        Assert.Equal(Outcome.Retest, _recorder.Next().Decision.Outcome);

        _time.StepWallClock(TimeSpan.FromHours(-1));
        await Gate.Advance(_policy.RetestRest);
        await Gate.NoTarget();
        await Gate.Reading(36.6m);
        await Gate.Card(Zhang);

        var retest = _recorder.Next();
        Assert.Equal(Outcome.Allow, retest.Decision.Outcome);
        Assert.Equal(36.6m, retest.Reading!.BodyC);
    }

    [Fact]
    public async Task A_lost_nobody_frame_costs_nothing_the_next_card_takes_only_readings_after_it()
    {
        await Gate.Reading(36.6m);
        await Gate.Card(Zhang);
        _recorder.Next();
        await Gate.Reading(36.6m);

        await Gate.Card(Li);
        Assert.False(_recorder.TryTake(out _));
        await Gate.Reading(36.9m);

        var attempt = _recorder.Next();
        Assert.Equal(Li, attempt.Card.Credential);
        Assert.Equal(36.9m, attempt.Reading!.BodyC);
    }

    [Fact]
    public async Task A_card_read_before_the_thermometer_first_opened_waits_for_it()
    {
        var health = new DeviceHealthBoard(_time);
        health.Register("thermometer");
        _lane = new LaneCoordinator(_lane.Lane, _policy, _registry, health, _recorder, _exits, _prompts.Board, _time, NullLogger<LaneCoordinator>.Instance);

        await Gate.Card(Zhang);
        Assert.False(_recorder.TryTake(out _));
        health.Report("thermometer", DeviceState.Online, null);
        await Gate.Reading(36.6m);
        Assert.Equal(TemperatureStatus.Normal, _recorder.Next().Decision.TemperatureStatus);

        health.Report("thermometer", DeviceState.Unknown, "not opened yet");
        await Gate.Card(Li);
        await Gate.Advance(_policy.PairingWindow);
        Assert.Equal(TemperatureStatus.DeviceUnavailable, _recorder.Next().Decision.TemperatureStatus);
    }

    /// <summary>The current lane's devices (a test may replace the lane).</summary>
    private LaneDriver Gate => new(_lane, _fake, _time);

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
