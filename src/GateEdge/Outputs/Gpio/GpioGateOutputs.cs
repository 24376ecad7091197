using System.Device.Gpio;
using GateEdge.Rules;
using Microsoft.Extensions.Logging;

namespace GateEdge.Outputs.Gpio;

/// <summary>
/// Drives each lane's relay and lamps on GPIO: on <c>allow</c> the relay is held for its pulse
/// length and the green lamp lit; any other outcome, or a fault, lights the red lamp. Every
/// relay starts released. Timing comes from the injected clock.
/// </summary>
internal sealed partial class GpioGateOutputs : IGateOutputs, IDisposable
{
    private readonly GpioController _gpio;
    private readonly Dictionary<string, LaneOutputOptions> _lanes;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _lock = new();
    private readonly Dictionary<int, ITimer> _offTimers = [];

    public GpioGateOutputs(GpioController gpio, GpioOutputOptions options, TimeProvider time, ILogger<GpioGateOutputs> logger)
    {
        _gpio = gpio;
        _time = time;
        _logger = logger;
        _lanes = options.Lanes.ToDictionary(l => l.Lane, StringComparer.Ordinal);
        foreach (var lane in options.Lanes)
        {
            Output(lane.RelayPin, RelayLevel(lane, on: false));
            foreach (var lamp in new[] { lane.GreenLampPin, lane.RedLampPin }.OfType<int>())
            {
                Output(lamp, PinValue.Low);
            }
        }
    }

    public Task SignalAsync(string lane, Outcome outcome, CancellationToken cancellationToken)
    {
        if (!_lanes.TryGetValue(lane, out var o))
        {
            return Task.CompletedTask;
        }

        if (outcome == Outcome.Allow)
        {
            LogRelayPulse(lane);
            Hold(o.RelayPin, RelayLevel(o, on: true), RelayLevel(o, on: false), o.PulseLength);
            Light(o.GreenLampPin, o.PulseLength);
        }
        else
        {
            Light(o.RedLampPin, o.LampTime);
        }

        return Task.CompletedTask;
    }

    public Task SignalFaultAsync(string lane, CancellationToken cancellationToken)
    {
        if (_lanes.TryGetValue(lane, out var o))
        {
            LogFault(lane);
            Light(o.RedLampPin, o.LampTime);
        }

        return Task.CompletedTask;
    }

    public void Dispose()
    {
        lock (_lock)
        {
            foreach (var timer in _offTimers.Values)
            {
                timer.Dispose();
            }

            // Leave every relay released on the way out.
            foreach (var lane in _lanes.Values)
            {
                _gpio.Write(lane.RelayPin, RelayLevel(lane, on: false));
            }
        }
    }

    private static PinValue RelayLevel(LaneOutputOptions lane, bool on) => on ^ lane.RelayActiveLow ? PinValue.High : PinValue.Low;

    private void Light(int? pin, TimeSpan time)
    {
        if (pin is { } p)
        {
            Hold(p, PinValue.High, PinValue.Low, time);
        }
    }

    /// <summary>Sets <paramref name="pin"/> now and back after <paramref name="time"/>; a new hold restarts the time.</summary>
    private void Hold(int pin, PinValue on, PinValue off, TimeSpan time)
    {
        lock (_lock)
        {
            _gpio.Write(pin, on);
            if (_offTimers.Remove(pin, out var previous))
            {
                previous.Dispose();
            }

            _offTimers[pin] = _time.CreateTimer(_ =>
            {
                lock (_lock)
                {
                    _gpio.Write(pin, off);
                }
            }, null, time, Timeout.InfiniteTimeSpan);
        }
    }

    private void Output(int pin, PinValue initial)
    {
        _gpio.OpenPin(pin, PinMode.Output);
        _gpio.Write(pin, initial);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Lane {Lane}: relay pulse (gate opens)")]
    private partial void LogRelayPulse(string lane);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lane {Lane}: fault lamp, gate stays shut")]
    private partial void LogFault(string lane);
}
