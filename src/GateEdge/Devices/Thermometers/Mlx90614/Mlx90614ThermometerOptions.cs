using System.ComponentModel.DataAnnotations;
using GateEdge.Common;
using GateEdge.Devices.Thermometers.Mlx90614.Protocol;

namespace GateEdge.Devices.Thermometers.Mlx90614;

/// <summary>An MLX90614 infrared sensor on I²C, an entry of <c>Devices:Mlx90614Thermometers</c>.</summary>
internal sealed class Mlx90614ThermometerOptions : DeviceOptions
{
    /// <summary>The I²C bus number N of <c>/dev/i2c-N</c>. Default 1 (the header bus of most boards).</summary>
    [Range(0, 255)]
    public int Bus { get; set; } = 1;

    /// <summary>The sensor's SMBus address. Default 0x5A (90).</summary>
    [Range(0x03, 0x77)]
    public int Address { get; set; } = Mlx90614Word.DefaultAddress;

    /// <summary>Pause between readings. Default 200 ms.</summary>
    [DurationRange("00:00:00.05", "00:00:05")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The sensor reads skin, not body temperature: added to the object value to give the body value the rules judge. Default 0.</summary>
    [Range(-5.0, 5.0)]
    public decimal BodyOffsetC { get; set; }

    /// <summary>A person stands in front when the object value exceeds ambient by this much. Default 1.5 °C.</summary>
    [Range(0.1, 10.0)]
    public decimal TargetMinDeltaC { get; set; } = 1.5m;
}
