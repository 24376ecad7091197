using System.Collections.Concurrent;
using System.Device.Gpio;

namespace GateEdge.Outputs.Gpio;

/// <summary>
/// A GPIO chip in memory, for the demo, the simulator and tests: outputs remember what was
/// written (and report it), inputs read what <see cref="SetInput"/> last set.
/// </summary>
internal sealed class SimulatedGpioDriver : GpioDriver
{
    private readonly ConcurrentDictionary<int, PinValue> _values = new();
    private readonly ConcurrentDictionary<int, PinMode> _modes = new();

    /// <summary>Raised on every write to an output: (pin, value).</summary>
    public event Action<int, PinValue>? Written;

    protected override int PinCount => 64;

    public void SetInput(int pin, PinValue value) => _values[pin] = value;

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
        throw new NotSupportedException("the simulated chip has no edge events; poll its inputs");

    protected override void AddCallbackForPinValueChangedEvent(int pinNumber, PinEventTypes eventTypes, PinChangeEventHandler callback) =>
        throw new NotSupportedException("the simulated chip has no edge events; poll its inputs");

    protected override void RemoveCallbackForPinValueChangedEvent(int pinNumber, PinChangeEventHandler callback)
    {
    }
}
