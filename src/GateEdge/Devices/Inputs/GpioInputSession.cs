using System.Device.Gpio;
using System.Threading.Channels;

namespace GateEdge.Devices.Inputs;

/// <summary>
/// Watches a GPIO input device's lines: any edge starts a debounce wait, after which the lines are
/// read again and each line whose settled level changed is reported once. Reading the level after
/// the wait, instead of trusting edges, makes bounce and missed edges harmless.
/// </summary>
internal sealed class GpioInputSession(
    InputLineOptions options,
    GpioController gpio,
    Action<int, bool, DeviceLink> changed,
    TimeProvider time) : IDeviceSession
{
    public string Device => options.Name;

    public string Address => $"GPIO lines {string.Join(", ", options.Lines)}";

    public async Task RunAsync(DeviceLink link, CancellationToken cancellationToken)
    {
        var edges = Channel.CreateUnbounded<int>(new UnboundedChannelOptions { SingleReader = true });
        PinChangeEventHandler onEdge = (_, e) => edges.Writer.TryWrite(e.PinNumber);
        var opened = new List<int>();
        try
        {
            foreach (int line in options.Lines)
            {
                if (gpio.IsPinOpen(line))
                {
                    throw new DeviceDisconnectedException($"GPIO line {line} is in use");
                }

                gpio.OpenPin(line, PinMode.Input);
                opened.Add(line);
                gpio.RegisterCallbackForPinValueChangedEvent(line, PinEventTypes.Falling | PinEventTypes.Rising, onEdge);
            }

            var settled = options.Lines.Select(Active).ToArray();
            link.MarkOnline();
            for (int i = 0; i < settled.Length; i++)
            {
                // Whoever listens starts from the real level, not from an assumed idle one.
                changed(i, settled[i], link);
            }

            while (true)
            {
                await edges.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                await Task.Delay(options.Debounce, time, cancellationToken).ConfigureAwait(false);
                while (edges.Reader.TryRead(out _))
                {
                }

                for (int i = 0; i < settled.Length; i++)
                {
                    bool now = Active(options.Lines[i]);
                    if (now != settled[i])
                    {
                        settled[i] = now;
                        link.Counters.CountFrame();
                        changed(i, now, link);
                    }
                }
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or NotSupportedException or IOException)
        {
            throw new DeviceDisconnectedException($"GPIO lines {string.Join(", ", options.Lines)} failed: {ex.Message}", ex);
        }
        finally
        {
            foreach (int line in opened)
            {
                gpio.UnregisterCallbackForPinValueChangedEvent(line, onEdge);
                gpio.ClosePin(line);
            }
        }
    }

    private bool Active(int line) => (gpio.Read(line) == PinValue.High) != options.ActiveLow;
}
