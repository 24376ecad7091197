using System.Device.Gpio;
using GateEdge.Outputs.Gpio;
using GateEdge.Rules;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace GateEdge.Tests.Outputs;

public sealed class GpioGateOutputsTests : IDisposable
{
    private const int Relay = 17;
    private const int Green = 22;
    private const int Red = 27;
    private const int Buzzer = 23;

    private readonly FakeTimeProvider _time = new();
    private readonly SimulatedGpioDriver _chip = new();
    private readonly List<(int Pin, PinValue Value)> _writes = [];
    private readonly GpioController _gpio;

    public GpioGateOutputsTests()
    {
        _chip.Written += (pin, value) => _writes.Add((pin, value));
        _gpio = new GpioController(_chip);
    }

    [Fact]
    public async Task Allow_holds_the_relay_for_its_pulse_and_lights_green_and_nothing_else_moves_the_relay()
    {
        using var outputs = Outputs(activeLow: false);
        Assert.Equal(PinValue.Low, _chip.Peek(Relay));

        await outputs.SignalAsync("lane1", Outcome.Allow, default);
        Assert.Equal((PinValue.High, PinValue.High), (_chip.Peek(Relay), _chip.Peek(Green)));
        _time.Advance(TimeSpan.FromMilliseconds(1499));
        Assert.Equal(PinValue.High, _chip.Peek(Relay));
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal((PinValue.Low, PinValue.Low), (_chip.Peek(Relay), _chip.Peek(Green)));

        foreach (var outcome in new[] { Outcome.Deny, Outcome.Retest, Outcome.Refer })
        {
            await outputs.SignalAsync("lane1", outcome, default);
        }

        await outputs.SignalFaultAsync("lane1", default);
        Assert.Equal(1, _writes.Count(w => w.Pin == Relay && w.Value == PinValue.High));
        Assert.Equal(PinValue.High, _chip.Peek(Red));
        _time.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal(PinValue.Low, _chip.Peek(Red));
    }

    [Fact]
    public async Task An_active_low_relay_board_is_held_low_and_released_high()
    {
        using (var outputs = Outputs(activeLow: true))
        {
            Assert.Equal(PinValue.High, _chip.Peek(Relay));
            await outputs.SignalAsync("lane1", Outcome.Allow, default);
            Assert.Equal(PinValue.Low, _chip.Peek(Relay));
        }

        // Disposed mid-pulse: the relay is released on the way out.
        Assert.Equal(PinValue.High, _chip.Peek(Relay));
    }

    [Fact]
    public async Task A_second_allow_during_a_pulse_restarts_it()
    {
        using var outputs = Outputs(activeLow: false);
        await outputs.SignalAsync("lane1", Outcome.Allow, default);
        _time.Advance(TimeSpan.FromSeconds(1));
        await outputs.SignalAsync("lane1", Outcome.Allow, default);
        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(PinValue.High, _chip.Peek(Relay));
        _time.Advance(TimeSpan.FromMilliseconds(500));
        Assert.Equal(PinValue.Low, _chip.Peek(Relay));
    }

    [Fact]
    public async Task A_fail_safe_lock_is_held_energised_and_released_to_open()
    {
        using (var outputs = Outputs(activeLow: false, LockType.FailSafe))
        {
            Assert.Equal(PinValue.High, _chip.Peek(Relay));
            await outputs.SignalAsync("lane1", Outcome.Allow, default);
            Assert.Equal(PinValue.Low, _chip.Peek(Relay));
            _time.Advance(TimeSpan.FromMilliseconds(1500));
            Assert.Equal(PinValue.High, _chip.Peek(Relay));
            await outputs.SignalAsync("lane1", Outcome.Allow, default);
        }

        // Stopped mid-pulse: the gate is left shut, which for a magnetic lock means energised.
        Assert.Equal(PinValue.High, _chip.Peek(Relay));
    }

    [Fact]
    public async Task The_buzzer_sounds_for_every_outcome_but_allow_and_for_a_fault()
    {
        using var outputs = Outputs(activeLow: false);
        await outputs.SignalAsync("lane1", Outcome.Allow, default);
        Assert.Equal(PinValue.Low, _chip.Peek(Buzzer));

        foreach (var outcome in new[] { Outcome.Deny, Outcome.Retest, Outcome.Refer })
        {
            await outputs.SignalAsync("lane1", outcome, default);
            Assert.Equal(PinValue.High, _chip.Peek(Buzzer));
            _time.Advance(TimeSpan.FromMilliseconds(400));
            Assert.Equal(PinValue.Low, _chip.Peek(Buzzer));
        }

        await outputs.SignalFaultAsync("lane1", default);
        Assert.Equal(PinValue.High, _chip.Peek(Buzzer));
    }

    public void Dispose() => _gpio.Dispose();

    private GpioGateOutputs Outputs(bool activeLow, LockType lockType = LockType.FailSecure) => new(_gpio, new GpioOutputOptions
    {
        Driver = GpioOutputOptions.SimulatedDriver,
        Lanes = [new LaneOutputOptions { Lane = "lane1", RelayPin = Relay, GreenLampPin = Green, RedLampPin = Red, BuzzerPin = Buzzer,
            PulseLength = TimeSpan.FromMilliseconds(1500), RelayActiveLow = activeLow, Lock = lockType }],
    }, _time, NullLogger<GpioGateOutputs>.Instance);
}
