using System.Collections.Concurrent;
using System.Device.Gpio;

namespace GateEdge.Outputs.Gpio;

/// <summary>
/// A GPIO chip in memory, for the demo, the simulator and tests: outputs remember what was
/// written (and report it), inputs read what <see cref="SetInput"/> last set, and edge callbacks
/// run in order on the thread that moved the line.
/// </summary>
internal sealed class SimulatedGpioDriver : GpioDriver
{
    private readonly ConcurrentDictionary<int, PinValue> _values = new();
    private readonly ConcurrentDictionary<int, PinMode> _modes = new();
    private readonly ConcurrentDictionary<int, (PinEventTypes Types, PinChangeEventHandler Callback)[]> _callbacks = new();

    /// <summary>Raised on every write to an output: (pin, value).</summary>
    public event Action<int, PinValue>? Written;

    protected override int PinCount => 64;

    /// <summary>Moves an input line, as the device wired to it would; registered edge callbacks run before this returns.</summary>
    public void SetInput(int pin, PinValue value)
    {
        var previous = _values.GetValueOrDefault(pin, PinValue.Low);
        _values[pin] = value;
        if (previous == value)
        {
            return;
        }

        var edge = value == PinValue.Low ? PinEventTypes.Falling : PinEventTypes.Rising;
        foreach (var (types, callback) in _callbacks.GetValueOrDefault(pin, []))
        {
            if ((types & edge) != 0)
            {
                callback(this, new PinValueChangedEventArgs(edge, pin));
            }
        }
    }

    public PinValue Peek(int pin) => _values.GetValueOrDefault(pin, PinValue.Low);

    protected override void OpenPin(int pinNumber) => _values.TryAdd(pinNumber, PinValue.Low);

    protected override void ClosePin(int pinNumber) => _modes.TryRemove(pinNumber, out _);

    protected override void SetPinMode(int pinNumber, PinMode mode) => _modes[pinNumber] = mode;

    protected override PinMode GetPinMode(int pinNumber) => _modes.GetValueOrDefault(pinNumber, PinMode.Input);

    protected override bool IsPinModeSupported(int pinNumber, PinMode mode) => true;

    protected override PinValue Read(int pinNumber) => Peek(pinNumber);

    protected override void Write(int pinNumber, PinValue value)
    {
        _values[pinNumber] = value;
        Written?.Invoke(pinNumber, value);
    }

    protected override WaitForEventResult WaitForEvent(int pinNumber, PinEventTypes eventTypes, CancellationToken cancellationToken) =>
        throw new NotSupportedException("the simulated chip delivers edges through callbacks");

    protected override void AddCallbackForPinValueChangedEvent(int pinNumber, PinEventTypes eventTypes, PinChangeEventHandler callback) =>
        _callbacks.AddOrUpdate(pinNumber, [(eventTypes, callback)], (_, existing) => [.. existing, (eventTypes, callback)]);

    protected override void RemoveCallbackForPinValueChangedEvent(int pinNumber, PinChangeEventHandler callback) =>
        _callbacks.AddOrUpdate(pinNumber, [], (_, existing) => [.. existing.Where(c => c.Callback != callback)]);
}
