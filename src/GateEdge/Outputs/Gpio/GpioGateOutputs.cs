using System.Device.Gpio;
using GateEdge.Rules;
using Microsoft.Extensions.Logging;

namespace GateEdge.Outputs.Gpio;

/// <summary>
/// Drives each lane's relay, lamps and buzzer on GPIO: on <c>allow</c> the relay opens the gate for
/// its pulse length and the green lamp lights; any other outcome, or a fault, lights the red lamp
/// and sounds the buzzer. Every gate starts shut. Timing comes from the injected clock.
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
            Output(lane.RelayPin, RelayLevel(lane, open: false));
            foreach (var lamp in new[] { lane.GreenLampPin, lane.RedLampPin, lane.BuzzerPin }.OfType<int>())
            {
                Output(lamp, PinValue.Low);
            }
        }
    }

    public Task<RelayResult> SignalAsync(string lane, Outcome outcome, CancellationToken cancellationToken)
    {
        if (!_lanes.TryGetValue(lane, out var o))
        {
            return Task.FromResult(outcome == Outcome.Allow ? RelayResult.NoRelay : RelayResult.Shut);
        }

        try
        {
            if (outcome != Outcome.Allow)
            {
                Light(o.RedLampPin, o.LampTime);
                Light(o.BuzzerPin, o.BuzzTime);
                return Task.FromResult(RelayResult.Shut);
            }

            LogRelayPulse(lane);
            Hold(o.RelayPin, RelayLevel(o, open: true), RelayLevel(o, open: false), o.PulseLength);
            Light(o.GreenLampPin, o.PulseLength);
            return Task.FromResult(RelayResult.Pulsed);
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or UnauthorizedAccessException)
        {
            // A GPIO line that refuses a write: the gate did not open, and the record says so.
            LogRelayFailed(ex, lane);
            return Task.FromResult(outcome == Outcome.Allow ? RelayResult.Failed($"the relay line could not be driven: {ex.Message}") : RelayResult.Shut);
        }
    }

    public Task SignalFaultAsync(string lane, CancellationToken cancellationToken)
    {
        if (_lanes.TryGetValue(lane, out var o))
        {
            LogFault(lane);
            Light(o.RedLampPin, o.LampTime);
            Light(o.BuzzerPin, o.BuzzTime);
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

            // Leave every gate shut on the way out (a fail-safe lock still opens when the power goes).
            foreach (var lane in _lanes.Values)
            {
                _gpio.Write(lane.RelayPin, RelayLevel(lane, open: false));
            }
        }
    }

    /// <summary>The relay line's level for an open or shut gate: the lock type says whether open means energised, the board whether energised means high.</summary>
    private static PinValue RelayLevel(LaneOutputOptions lane, bool open)
    {
        bool energised = open == (lane.Lock == LockType.FailSecure);
        return energised ^ lane.RelayActiveLow ? PinValue.High : PinValue.Low;
    }

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

    [LoggerMessage(Level = LogLevel.Error, Message = "Lane {Lane}: the relay or lamps could not be driven")]
    private partial void LogRelayFailed(Exception exception, string lane);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lane {Lane}: fault lamp, gate stays shut")]
    private partial void LogFault(string lane);
}
