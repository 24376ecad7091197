using GateEdge.Devices;
using GateEdge.Devices.Framing;
using GateEdge.Devices.Health;
using GateEdge.Devices.Thermometers;
using GateEdge.Lanes;
using GateEdge.Registry;
using GateEdge.Rules;
using GateEdge.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace GateEdge.Tests.Devices;

/// <summary>
/// A reader polls at its resting pace until someone stands at its lane's thermometer, then at its
/// attended pace for a few seconds; the rest it was in is cut short. Everything on a fake clock.
/// </summary>
public sealed class ReaderAttentionTests
{
    private static readonly TimeSpan Resting = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan Attended = TimeSpan.FromMilliseconds(50);

    private readonly FakeTimeProvider _time = new();
    private readonly ReaderAttention _attention;
    private readonly PollPace _pace;

    public ReaderAttentionTests()
    {
        _attention = new ReaderAttention(_time);
        _pace = PollPace.ForReader(Resting, Attended, _attention, "reader");
    }

    [Fact]
    public void A_reader_nobody_stands_at_keeps_its_resting_pace_and_an_attended_one_quickens_until_the_attention_lapses()
    {
        Assert.Equal(Resting, _pace.Interval);

        _attention.Attend("reader");
        Assert.Equal(Attended, _pace.Interval);
        Assert.Equal(Resting, PollPace.ForReader(Resting, Attended, _attention, "other").Interval);

        _time.Advance(ReaderAttention.Span - TimeSpan.FromMilliseconds(1));
        Assert.Equal(Attended, _pace.Interval);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(Resting, _pace.Interval);
    }

    [Fact]
    public void Each_sighting_extends_the_attention_from_that_moment()
    {
        _attention.Attend("reader");
        _time.Advance(TimeSpan.FromSeconds(4));
        _attention.Attend("reader");
        _time.Advance(TimeSpan.FromSeconds(4));

        Assert.Equal(Attended, _pace.Interval);
    }

    [Fact]
    public async Task A_rest_at_the_resting_pace_ends_the_moment_someone_comes_to_the_lane()
    {
        var resting = _pace.WaitAsync(_time, CancellationToken.None);
        _time.Advance(TimeSpan.FromMilliseconds(100));
        Assert.False(resting.IsCompleted);

        _attention.Attend("reader");

        await resting.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(Attended, _pace.Interval);
    }

    [Fact]
    public async Task A_fixed_pace_never_quickens()
    {
        var pace = PollPace.Fixed(Resting);
        Assert.Null(pace.Quickens());

        var waiting = pace.WaitAsync(_time, CancellationToken.None);
        _attention.Attend("reader");
        _time.Advance(Resting - TimeSpan.FromMilliseconds(1));
        Assert.False(waiting.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        await waiting.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void A_thermometer_that_sees_a_person_marks_its_lanes_readers_and_the_empty_room_marks_nothing()
    {
        var health = new DeviceHealthBoard(_time);
        var lane = new LaneCoordinator(new LaneOptions { Id = "lane1", CardReaders = ["idcard", "tags"], Thermometer = "thermometer" },
            new RulePolicy(), new SeedFileRegistry([]), health, new RecordingRecorder(), new MemoryHouseholdExits(), new PromptBoards(_time).Board, _time,
            NullLogger<LaneCoordinator>.Instance);
        var router = new LaneRouter([lane], health, attention: _attention);

        router.OnReading(new ThermometerReading("thermometer", 24.5m, 24.5m, 25m, HasTarget: false, _time.GetUtcNow()));
        Assert.False(_attention.IsAttended("idcard"));

        router.OnReading(new ThermometerReading("thermometer", 36.6m, 36.6m, 25m, HasTarget: true, _time.GetUtcNow()));
        Assert.True(_attention.IsAttended("idcard"));
        Assert.True(_attention.IsAttended("tags"));
        Assert.False(_attention.IsAttended("thermometer"));
    }
}
