using System.Collections.Concurrent;
using System.Diagnostics;
using GateEdge.Devices;
using GateEdge.Devices.Health;
using GateEdge.Devices.Thermometers;
using GateEdge.Devices.Thermometers.SerialIr;
using GateEdge.Simulator.Devices;
using GateEdge.Simulator.Faults;
using GateEdge.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace GateEdge.Tests.Devices.OverPty;

/// <summary>
/// Every way a serial line fails (issue: unplug, silence, garbage, bad checksums, split frames,
/// slow replies, wrong baud), played by the simulator on a real pty against the gateway's
/// supervisor: the fault is detected, announced as a health change, and recovered from.
/// </summary>
[Collection(TimingSensitive.Name)]
public sealed class LineFaultTests : DeviceBench
{
    private const decimal PersonC = 36.6m;
    private const decimal EmptyRoomC = 24.5m;

    private readonly ConcurrentQueue<DeviceHealth> _changes = new();
    private SimulatedLine _line = null!;
    private DeviceSupervisor _supervisor = null!;

    public override async Task InitializeAsync()
    {
        Health.Changed += _changes.Enqueue;
        _line = Own(SimulatedLine.Create(Path.Combine(Dir, "thermo")));
        var thermometer = new SimulatedIrThermometer("thermo", _line);
        thermometer.SetTarget(PersonC);
        Run(thermometer.RunAsync(Stop.Token));

        // Five missed replies (5.5 s) before offline: a bad-checksum fault is seen degraded at once, long before it could go offline.
        // A reply has 1 s: a test process stalled for half a second on a busy machine is not a device fault.
        // Noise faults every poll, at most a reply timeout and a poll interval (1.1 s) apart: a 2 s window holds the device degraded throughout.
        var options = new SerialIrThermometerOptions { Name = "thermo", Port = _line.LinkPath, PollInterval = TimeSpan.FromMilliseconds(100), ReplyTimeout = TimeSpan.FromSeconds(1), MaxSilentPolls = 5 };
        var session = new SerialIrThermometerSession(options, Sink, NullLogger<SerialIrThermometerSession>.Instance);
        _supervisor = Supervise(options, session, degradedWindow: TimeSpan.FromSeconds(2));
        await Eventually.True(() => State == DeviceState.Online, "the thermometer is online");
        await ReadingsArriveAsync();
    }

    [Theory]
    [InlineData(nameof(LineFault.Garbage), "garbage")]
    [InlineData(nameof(LineFault.BadChecksum), "checksum")]
    public async Task Noise_that_leaves_frames_readable_degrades_the_device_and_never_yields_a_wrong_reading(string faultName, string reason)
    {
        var fault = Enum.Parse<LineFault>(faultName);
        _line.Fault = fault;
        await Eventually.True(() => State == DeviceState.Degraded, $"{fault} degrades the device");
        if (fault == LineFault.Garbage)
        {
            // A burst that mimics a frame header can swallow the real reply, so the reason may be a missed reply instead.
            Assert.True(_supervisor.Counters.GarbageBytes > 0);
            await ReadingsArriveAsync();
        }
        else
        {
            Assert.Contains(reason, Health.Get("thermo").Reason, StringComparison.Ordinal);
        }

        _line.Fault = LineFault.None;
        await Eventually.True(() => State == DeviceState.Online, "the device is online once the noise stopped");
        Assert.Equal([DeviceState.Online, DeviceState.Degraded, DeviceState.Online], _changes.Select(c => c.State));
        AssertNoWrongReading();
    }

    [Fact]
    public async Task Frames_arriving_in_pieces_are_reassembled_without_any_fault()
    {
        _line.Fault = LineFault.SplitFrames;
        long frames = _supervisor.Counters.Frames;
        await Eventually.True(() => _supervisor.Counters.Frames >= frames + 10, "ten split frames are decoded");

        Assert.True(State == DeviceState.Online, $"{State}: {Health.Get("thermo").Reason}");
        Assert.Equal((0, 0), (_supervisor.Counters.BadFrames, _supervisor.Counters.GarbageBytes));
        AssertNoWrongReading();
    }

    [Fact]
    public async Task Replies_slower_than_usual_but_inside_the_timeout_are_no_fault()
    {
        _line.SlowBy = TimeSpan.FromMilliseconds(100);
        _line.Fault = LineFault.SlowReplies;
        long frames = _supervisor.Counters.Frames;
        long missed = _supervisor.Counters.SilentPolls;
        await Eventually.True(() => _supervisor.Counters.Frames >= frames + 10, "ten slow replies arrive");

        Assert.Equal(DeviceState.Online, State);
        Assert.Equal(missed, _supervisor.Counters.SilentPolls);
    }

    [Fact]
    public async Task Replies_later_than_the_timeout_count_as_missed_and_the_device_recovers_when_they_are_prompt_again()
    {
        _line.SlowBy = TimeSpan.FromSeconds(2);
        _line.Fault = LineFault.SlowReplies;
        await Eventually.True(() => State != DeviceState.Online, "late replies take the device out of plain online");
        Assert.Contains("no reply within 1000 ms", Health.Get("thermo").Reason, StringComparison.Ordinal);

        _line.Fault = LineFault.None;
        await Eventually.True(() => State == DeviceState.Online, "the device is online once it answers promptly again");
        AssertNoWrongReading();
    }

    [Theory]
    [InlineData(nameof(LineFault.Silence), "no reply within 1000 ms")]
    [InlineData(nameof(LineFault.WrongBaud), "check the baud rate")]
    public async Task A_device_that_stops_answering_usefully_goes_offline_with_the_reason_and_comes_back(string faultName, string reason)
    {
        var fault = Enum.Parse<LineFault>(faultName);
        _line.Fault = fault;
        await Eventually.True(() => State == DeviceState.Offline, $"{fault} takes the device offline");
        Assert.Contains(reason, Health.Get("thermo").Reason, StringComparison.Ordinal);

        _line.Fault = LineFault.None;
        await Eventually.True(() => State == DeviceState.Online, "the device is online once it answers again");
        await ReadingsArriveAsync();
        Assert.Contains(_changes, c => c.State == DeviceState.Offline && c.Reason!.Contains(reason, StringComparison.Ordinal));
        AssertNoWrongReading();
    }

    [Fact]
    public async Task An_unplugged_device_is_offline_and_back_within_two_seconds_of_being_replugged()
    {
        _line.Unplug();
        await Eventually.True(() => State == DeviceState.Offline, "the unplugged device is offline");
        await Task.Delay(TimeSpan.FromSeconds(2)); // let the reconnect backoff reach its cap

        var replugged = Stopwatch.StartNew();
        _line.Replug();
        await Eventually.True(() => State == DeviceState.Online, "the replugged device is online");
        Assert.True(replugged.Elapsed < TimeSpan.FromSeconds(2), $"back after {replugged.Elapsed.TotalMilliseconds:0} ms");
        await ReadingsArriveAsync();
    }

    [Fact]
    public async Task A_hung_device_never_slows_another()
    {
        var otherLine = Own(SimulatedLine.Create(Path.Combine(Dir, "other")));
        var other = new SimulatedIrThermometer("other", otherLine);
        Run(other.RunAsync(Stop.Token));
        var otherSink = new CollectingSink();
        var options = new SerialIrThermometerOptions { Name = "other", Port = otherLine.LinkPath, PollInterval = TimeSpan.FromMilliseconds(100) };
        var session = new SerialIrThermometerSession(options, otherSink, NullLogger<SerialIrThermometerSession>.Instance);
        Supervise(options, session);
        await Eventually.True(() => Health.Get("other").State == DeviceState.Online, "the other thermometer is online");

        _line.Fault = LineFault.Silence;
        int before = otherSink.Readings.Count;
        await Eventually.True(() => State == DeviceState.Offline, "the silent thermometer is offline");

        // Polled every 100 ms plus a reply, the other one keeps its pace while the first hangs and is reopened.
        Assert.True(otherSink.Readings.Count - before >= 5, $"{otherSink.Readings.Count - before} readings from the other thermometer meanwhile");
        Assert.Equal(DeviceState.Online, Health.Get("other").State);
    }


    private DeviceState State => Health.Get("thermo").State;

    private async Task ReadingsArriveAsync()
    {
        int before = Sink.Readings.Count;
        await Eventually.True(() => Sink.Readings.Count >= before + 3, "readings arrive");
    }

    /// <summary>Whatever the line did, every reading the lane saw is one the sensor really produced.</summary>
    private void AssertNoWrongReading() =>
        Assert.All(Sink.Readings, (ThermometerReading r) => Assert.Contains(r.ObjectC, new[] { PersonC, EmptyRoomC }));
}
