using System.Device.I2c;
using GateEdge.Devices.Framing;
using GateEdge.Devices.I2c;
using GateEdge.Devices.Thermometers.Mlx90614.Protocol;
using Microsoft.Extensions.Logging;

namespace GateEdge.Devices.Thermometers.Mlx90614;

/// <summary>
/// Reads an MLX90614 over I²C (docs/protocols.md §3.1) word by word, checking every transfer's PEC
/// and the sensor's error flag, which the Iot.Device.Bindings class ignores: a corrupted word is
/// a bad frame, never a temperature. A sensor that stops acknowledging is reopened.
/// </summary>
internal sealed class Mlx90614ThermometerSession(
    Mlx90614ThermometerOptions options,
    II2cBuses buses,
    IDeviceEventSink sink,
    TimeProvider time,
    ILogger<Mlx90614ThermometerSession> logger) : IDeviceSession
{
    public string Device => options.Name;

    public string Address => $"I²C bus {options.Bus} address 0x{options.Address:X2}";

    public async Task RunAsync(DeviceLink link, CancellationToken cancellationToken)
    {
        using var sensor = buses.Open(options.Bus, options.Address);
        await FramedSession.PollAsync(() =>
        {
            var objectC = ReadWord(sensor, Mlx90614Word.ObjectRam, link);
            var ambientC = ReadWord(sensor, Mlx90614Word.AmbientRam, link);
            if (objectC is null || ambientC is null)
            {
                return Task.CompletedTask;
            }

            link.MarkOnline();

            sink.OnReading(new ThermometerReading(Device, objectC.Value + options.BodyOffsetC, objectC.Value, ambientC.Value,
                HasTarget: objectC.Value - ambientC.Value >= options.TargetMinDeltaC, time.GetUtcNow()));
            return Task.CompletedTask;
        }, options.MaxSilentPolls, PollPace.Fixed(options.PollInterval), link, time, logger, Device, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One SMBus read-word; a transfer the bus refuses counts as a missed reply.</summary>
    private decimal? ReadWord(I2cDevice sensor, byte command, DeviceLink link)
    {
        Span<byte> word = stackalloc byte[3];
        try
        {
            sensor.WriteRead([command], word);
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or ObjectDisposedException)
        {
            throw new DeviceTimeoutException($"no acknowledge at 0x{options.Address:X2}: {ex.Message}");
        }

        var celsius = Mlx90614Word.TryCelsius((byte)options.Address, command, word, out var why);
        if (celsius is null)
        {
            link.Counters.CountDiscard(why, word.Length);
            return null;
        }

        link.Counters.CountFrame();
        return celsius;
    }
}
