using System.Device.Gpio;
using GateEdge.Devices.Gpio;
using GateEdge.Devices.I2c;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GateEdge.Devices;

/// <summary>
/// What families build their sessions from, each resolved only when a session asks: a gateway
/// with serial devices only never opens a GPIO chip.
/// </summary>
internal sealed class DeviceServices(IServiceProvider services)
{
    private Bus.SerialBuses? _buses;

    public IDeviceEventSink Sink => services.GetRequiredService<IDeviceEventSink>();

    public TimeProvider Time => services.GetRequiredService<TimeProvider>();

    public GpioController Gpio => services.GetRequiredService<GpioController>();

    public IPulseLineSource PulseLines => services.GetRequiredService<IPulseLineSource>();

    public II2cBuses I2cBuses => services.GetRequiredService<II2cBuses>();

    public Voice.SpeechQueues Speech => services.GetRequiredService<Voice.SpeechQueues>();

    /// <summary>The owners of the serial ports shared by addressed devices: one per port, for every session built from these services.</summary>
    public Bus.SerialBuses Buses => _buses ??= new Bus.SerialBuses(Time);

    /// <summary>Which card readers someone is standing at: they poll faster meanwhile (none in a probe: readers keep their pace).</summary>
    public ReaderAttention? Attention => services.GetService<ReaderAttention>();

    public ILogger<T> Logger<T>() => services.GetRequiredService<ILoggerFactory>().CreateLogger<T>();
}
