using GateEdge.Common.Messages;
namespace GateEdge.Devices.Thermometers.Mlx90614;

/// <summary>MLX90614 infrared sensors on an I²C bus (docs/protocols.md §3.1).</summary>
internal static class Mlx90614ThermometerFamily
{
    public static readonly DeviceFamily<Mlx90614ThermometerOptions> Family = new("mlx90614-thermometer", DeviceRole.Thermometer, DeviceWiring.I2c, d => d.Mlx90614Thermometers,
        (o, s) => new Mlx90614ThermometerSession(o, s.I2cBuses, s.Sink, s.Time, s.Logger<Mlx90614ThermometerSession>()))
    {
        CheckAll = OneSensorPerAddress,
    };

    private static IEnumerable<(string Path, Said What)> OneSensorPerAddress(IReadOnlyList<Mlx90614ThermometerOptions> sensors, string path)
    {
        var wired = new Dictionary<(int, int), string>();
        for (int i = 0; i < sensors.Count; i++)
        {
            var t = sensors[i];
            if (t.Address is >= 0x03 and <= 0x77 && !wired.TryAdd((t.Bus, t.Address), t.Name))
            {
                yield return ($"{path}[{i}].Address", BoxMessages.I2cAddressTaken.Say(("bus", t.Bus), ("address", t.Address.ToString("X2", System.Globalization.CultureInfo.InvariantCulture)), ("other", wired[(t.Bus, t.Address)])));
            }
        }
    }
}
