using System.Device.Gpio;
using GateEdge.Devices;
using GateEdge.Devices.Inputs;
using GateEdge.Outputs.Gpio;
using GateEdge.Simulator.Devices;
using GateEdge.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace GateEdge.Tests.Devices.InProcess;

/// <summary>The mask detector and the guard keypad on the simulated chip, through the GpioController seam.</summary>
public sealed class GpioInputTests : DeviceBench
{
    private readonly SimulatedGpioDriver _chip = new();
    private readonly GpioController _gpio;
    private readonly SimulatedMaskDetector _mask;
    private readonly SimulatedGuardKeypad _keypad;

    public GpioInputTests()
    {
        _gpio = Own(new GpioController(_chip));
        _mask = new SimulatedMaskDetector(_chip, 12);
        _keypad = new SimulatedGuardKeypad(_chip, 13, 19);
    }

    public override async Task InitializeAsync()
    {
        Supervise(InputDevices.MaskDetector(new MaskDetectorOptions { Name = "mask", Line = 12 }, _gpio, Sink, TimeProvider.System));
        Supervise(InputDevices.GuardKeypad(new GuardKeypadOptions { Name = "keys", ConfirmLine = 13, DenyLine = 19 }, _gpio, Sink, TimeProvider.System));
        await Eventually.True(() => Health.Get("mask").IsAvailable && Health.Get("keys").IsAvailable, "both inputs are online");
    }

    [Fact]
    public async Task The_mask_detector_reports_its_settled_level_once_per_change_whatever_the_contact_bounce()
    {
        await Eventually.True(() => Sink.MaskSignals.Count == 1, "the level at start is reported");
        _mask.SetMaskWorn(true);
        await Eventually.True(() => Sink.MaskSignals.Count == 2, "the mask is seen");
        _mask.SetMaskWorn(false);
        await Eventually.True(() => Sink.MaskSignals.Count == 3, "the mask is gone");

        Assert.Equal([false, true, false], Sink.MaskSignals.Select(s => s.MaskSeen));
    }

    [Fact]
    public async Task Each_key_press_counts_once_and_releases_count_not_at_all()
    {
        await _keypad.PressAsync(GuardKey.Confirm);
        await _keypad.PressAsync(GuardKey.Deny);
        await _keypad.PressAsync(GuardKey.Confirm);
        await Eventually.True(() => Sink.GuardKeys.Count == 3, "three presses");

        Assert.Equal([GuardKey.Confirm, GuardKey.Deny, GuardKey.Confirm], Sink.GuardKeys.Select(k => k.Key));
    }

    [Fact]
    public async Task Opening_the_enclosure_raises_one_alarm_per_opening_and_degrades_the_switch()
    {
        var tamper = new SimulatedTamperSwitch(_chip, 21);
        var supervisor = Supervise(InputDevices.TamperInput(new TamperInputOptions { Name = "box", Line = 21 }, _gpio, Sink, TimeProvider.System));
        await Eventually.True(() => Health.Get("box").IsAvailable, "the closed switch is online");
        Assert.Empty(Sink.Alarms);

        tamper.Tampered = true;
        await Eventually.True(() => Sink.Alarms.Count == 1, "the opened box raises an alarm");
        tamper.Tampered = false;
        await Eventually.True(() => supervisor.Counters.Frames == 2, "the closed lid settles");
        tamper.Tampered = true;
        await Eventually.True(() => Sink.Alarms.Count == 2, "opened again, another alarm");

        Assert.All(Sink.Alarms, a => Assert.Equal(("box", DeviceAlarm.EnclosureTamper), (a.Device, a.Alarm)));
        Assert.Equal(2, supervisor.Counters.TamperReports);
        Assert.Equal(GateEdge.Devices.Health.DeviceState.Degraded, Health.Get("box").State);
    }
}
