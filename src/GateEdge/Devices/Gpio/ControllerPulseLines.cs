using System.Device.Gpio;
using System.Threading.Channels;
using GateEdge.Devices.CardReaders.Wiegand.Protocol;

namespace GateEdge.Devices.Gpio;

/// <summary>
/// Pulse lines through a <see cref="GpioController"/>'s edge callbacks, for the simulated chip,
/// which raises them in order on the thread that moved the line. Real chips go through
/// <see cref="GpioChipPulseLines"/> instead: their callbacks carry no time and may race.
/// </summary>
internal sealed class ControllerPulseLines : IPulseLines
{
    private readonly GpioController _gpio;
    private readonly int _oneLine;
    private readonly TimeProvider _time;
    private readonly Channel<WiegandPulse> _pulses = Channel.CreateUnbounded<WiegandPulse>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _order = new();
    private readonly List<int> _opened = [];

    public ControllerPulseLines(GpioController gpio, int zeroLine, int oneLine, TimeProvider time)
    {
        _gpio = gpio;
        _oneLine = oneLine;
        _time = time;
        try
        {
            foreach (int line in new[] { zeroLine, oneLine })
            {
                // GpioController reopens an open line without complaint; a kernel request would refuse (EBUSY).
                if (gpio.IsPinOpen(line))
                {
                    throw new InvalidOperationException($"line {line} is in use");
                }

                gpio.OpenPin(line, PinMode.Input);
                _opened.Add(line);
                gpio.RegisterCallbackForPinValueChangedEvent(line, PinEventTypes.Falling, OnFalling);
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or NotSupportedException or IOException)
        {
            Dispose();
            throw new DeviceDisconnectedException($"GPIO lines {zeroLine} and {oneLine} could not be requested: {ex.Message}", ex);
        }
    }

    public ChannelReader<WiegandPulse> Pulses => _pulses.Reader;

    public void Dispose()
    {
        foreach (int line in _opened)
        {
            _gpio.UnregisterCallbackForPinValueChangedEvent(line, OnFalling);
            _gpio.ClosePin(line);
        }

        _opened.Clear();

        _pulses.Writer.TryComplete();
    }

    private void OnFalling(object sender, PinValueChangedEventArgs e)
    {
        lock (_order)
        {
            _pulses.Writer.TryWrite(new WiegandPulse(e.PinNumber == _oneLine, _time.GetElapsedTime(0)));
        }
    }
}
