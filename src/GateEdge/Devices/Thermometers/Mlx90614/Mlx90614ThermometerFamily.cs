namespace GateEdge.Devices.Thermometers.Mlx90614;

/// <summary>MLX90614 infrared sensors on an I²C bus (docs/protocols.md §3.1).</summary>
internal static class Mlx90614ThermometerFamily
{
    public static readonly DeviceFamily<Mlx90614ThermometerOptions> Family = new("mlx90614-thermometer", DeviceRole.Thermometer, DeviceWiring.I2c, d => d.Mlx90614Thermometers,
        (o, s) => new Mlx90614ThermometerSession(o, s.I2cBuses, s.Sink, s.Time, s.Logger<Mlx90614ThermometerSession>()))
    {
        Check = Check,
        CheckAll = OneSensorPerAddress,
    };

    private static IEnumerable<string> Check(Mlx90614ThermometerOptions t, string at)
    {
        if (t.Bus is < 0 or > 255)
        {
            yield return $"{at}.Bus: {t.Bus} is not an I²C bus number (the N of /dev/i2c-N)";
        }

        if (t.Address is < 0x03 or > 0x77)
        {
            yield return $"{at}.Address: {t.Address} is not a 7-bit I²C device address (0x03–0x77; the MLX90614 ships at 0x5A = 90)";
        }
    }

    private static IEnumerable<string> OneSensorPerAddress(IReadOnlyList<Mlx90614ThermometerOptions> sensors, string path)
    {
        var wired = new Dictionary<(int, int), string>();
        for (int i = 0; i < sensors.Count; i++)
        {
            var t = sensors[i];
            if (t.Address is >= 0x03 and <= 0x77 && !wired.TryAdd((t.Bus, t.Address), t.Name))
            {
                yield return $"{path}[{i}].Address: bus {t.Bus} address 0x{t.Address:X2} is already used by '{wired[(t.Bus, t.Address)]}'";
            }
        }
    }
}
