using System.Device.Gpio;
using GateEdge.Devices;
using GateEdge.Devices.Health;
using GateEdge.Devices.Inputs;
using GateEdge.Outputs.Gpio;
using GateEdge.Simulator.Devices;
using GateEdge.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace GateEdge.Tests.Devices.InProcess;

/// <summary>The mask detector and the guard keypad on the simulated chip, through the GpioController seam.</summary>
public sealed class GpioInputTests : IAsyncLifetime
{
    private readonly SimulatedGpioDriver _chip = new();
    private readonly GpioController _gpio;
    private readonly DeviceHealthBoard _health = new(TimeProvider.System);
    private readonly CollectingSink _sink = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _running = [];
    private readonly SimulatedMaskDetector _mask;
    private readonly SimulatedGuardKeypad _keypad;

    public GpioInputTests()
    {
        _gpio = new GpioController(_chip);
        _mask = new SimulatedMaskDetector(_chip, 12);
        _keypad = new SimulatedGuardKeypad(_chip, 13, 19);
    }

    public async Task InitializeAsync()
    {
        Supervise(InputDevices.MaskDetector(new MaskDetectorOptions { Name = "mask", Line = 12 }, _gpio, _sink, TimeProvider.System));
        Supervise(InputDevices.GuardKeypad(new GuardKeypadOptions { Name = "keys", ConfirmLine = 13, DenyLine = 19 }, _gpio, _sink, TimeProvider.System));
        await Eventually.True(() => _health.Get("mask").IsAvailable && _health.Get("keys").IsAvailable, "both inputs are online");
    }

    [Fact]
    public async Task The_mask_detector_reports_its_settled_level_once_per_change_whatever_the_contact_bounce()
    {
        await Eventually.True(() => _sink.MaskSignals.Count == 1, "the level at start is reported");
        _mask.SetMaskWorn(true);
        await Eventually.True(() => _sink.MaskSignals.Count == 2, "the mask is seen");
        _mask.SetMaskWorn(false);
        await Eventually.True(() => _sink.MaskSignals.Count == 3, "the mask is gone");

        Assert.Equal([false, true, false], _sink.MaskSignals.Select(s => s.MaskSeen));
    }

    [Fact]
    public async Task Each_key_press_counts_once_and_releases_count_not_at_all()
    {
        await _keypad.PressAsync(GuardKey.Confirm);
        await _keypad.PressAsync(GuardKey.Deny);
        await _keypad.PressAsync(GuardKey.Confirm);
        await Eventually.True(() => _sink.GuardKeys.Count == 3, "three presses");

        Assert.Equal([GuardKey.Confirm, GuardKey.Deny, GuardKey.Confirm], _sink.GuardKeys.Select(k => k.Key));
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_running);
        _stop.Dispose();
        _gpio.Dispose();
    }

    private void Supervise(IDeviceSession session) =>
        _running.Add(new DeviceSupervisor(session, _health, TimeProvider.System, NullLogger<DeviceSupervisor>.Instance).RunAsync(_stop.Token));
}
