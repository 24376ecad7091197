using GateEdge.Devices;
using GateEdge.Devices.CardReaders;
using GateEdge.Devices.Health;
using GateEdge.Lanes;
using GateEdge.Registry;
using GateEdge.Rules;
using GateEdge.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace GateEdge.Tests.Lanes;

/// <summary>A thermometer that gives one value for person after person is stuck: its readings stop counting until it varies again.</summary>
public sealed class ThermometerPlausibilityTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 7, 8, 0, 0, TimeSpan.Zero));
    private readonly DeviceHealthBoard _health;
    private readonly List<DeviceAlarm> _alarms = [];
    private readonly ThermometerPlausibility _plausibility;

    public ThermometerPlausibilityTests()
    {
        _health = new DeviceHealthBoard(_time);
        _plausibility = new ThermometerPlausibility(4, 0.05m, _health, _alarms.Add, _time);
    }

    [Fact]
    public void The_same_value_for_as_many_people_as_the_limit_is_stuck_with_one_alarm_and_the_first_real_variation_clears_it()
    {
        Assert.All(Enumerable.Range(1, 3), i => Assert.True(_plausibility.Accept("t", 36.50m + (i % 2) * 0.05m, Card(i))));

        Assert.False(_plausibility.Accept("t", 36.5m, Card(4)));
        Assert.False(_plausibility.Accept("t", 36.5m, Card(5)));
        var alarm = Assert.Single(_alarms);
        Assert.Equal(("t", DeviceAlarm.ThermometerImplausible), (alarm.Device, alarm.Alarm));
        Assert.Contains("4 different people in a row within 0.05 °C", alarm.Detail, StringComparison.Ordinal);

        Assert.True(_plausibility.Accept("t", 36.8m, Card(6)));
        Assert.True(_plausibility.Accept("t", 36.5m, Card(7)));
    }

    [Fact]
    public void People_whose_readings_vary_as_people_do_never_make_it_stuck_and_other_thermometers_are_judged_alone()
    {
        decimal[] people = [36.4m, 36.5m, 36.5m, 36.6m, 36.5m, 36.7m, 36.5m, 36.5m, 36.3m, 36.5m];
        Assert.All(people.Select((c, i) => (c, i)), p => Assert.True(_plausibility.Accept("t", p.c, Card(p.i))));
        Assert.All(Enumerable.Range(20, 3), i => Assert.True(_plausibility.Accept("other", 36.5m, Card(i))));
        Assert.Empty(_alarms);
    }

    [Fact]
    public void One_person_measured_again_and_again_is_one_person()
    {
        Assert.All(Enumerable.Range(0, 10), _ => Assert.True(_plausibility.Accept("t", 36.5m, Card(1))));
    }

    [Fact]
    public async Task At_a_lane_a_stuck_thermometer_is_a_device_fault_a_fever_under_it_is_not_admitted()
    {
        var recorder = new RecordingRecorder();
        var policy = new RulePolicy { MaskRequired = false };
        var residents = new SeedFileRegistry([.. Enumerable.Range(1, 4).Select(i =>
            new RegistryFile.Person($"R-{i}", PersonClassification.Resident, [new RegistryFile.CredentialEntry(Card(i).Kind, Card(i).Number)]))]);
        var counters = new DeviceCounters(_time);
        _health.Register("thermometer", counters);
        _health.Report("thermometer", DeviceState.Online, null);
        var lane = new LaneCoordinator(new LaneOptions { Id = "lane1", CardReaders = ["reader"], Thermometer = "thermometer" }, policy,
            residents, _health, recorder, new MemoryHouseholdExits(), new PromptBoards(_time).Board, _time, NullLogger<LaneCoordinator>.Instance,
            plausibility: _plausibility);
        var gate = new LaneDriver(lane, _time);

        // A head frozen at 36.5 °C: the fourth visitor in a row has a fever it cannot see.
        for (int i = 1; i <= 4; i++)
        {
            await gate.Reading(36.5m);
            await gate.Card(Card(i));
            await gate.NoTarget();
            await gate.Advance(TimeSpan.FromSeconds(5));
        }

        Assert.Equal([Outcome.Allow, Outcome.Allow, Outcome.Allow, Outcome.Deny], recorder.Recorded.Select(r => r.Attempt.Decision.Outcome));
        var refused = recorder.Recorded[^1].Attempt;
        Assert.Null(refused.Reading);
        Assert.Contains(ReasonCode.ThermometerUnavailable, refused.Decision.Codes);
        // Counted as a fault of the device: its supervisor shows it degraded with the reason.
        Assert.Equal(1, counters.ImplausibleReadings);
    }

    private static Credential Card(int i) => new(CredentialKind.CompoundCard, $"0A0B0C0D{i:X2}");
}
