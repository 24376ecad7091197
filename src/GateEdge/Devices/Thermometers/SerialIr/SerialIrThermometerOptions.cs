using System.ComponentModel.DataAnnotations;
using GateEdge.Common;
using GateEdge.Devices.Serial;

namespace GateEdge.Devices.Thermometers.SerialIr;

/// <summary>A GY-MCU90614-style serial IR module, an entry of <c>Devices:SerialIrThermometers</c>.</summary>
internal sealed class SerialIrThermometerOptions : SerialDeviceOptions
{
    public SerialIrThermometerOptions() => BaudRate = 9600;

    /// <summary>Pause between single queries. Default 200 ms.</summary>
    [DurationRange("00:00:00.05", "00:00:05")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Wait for a reply to a query. Default 300 ms.</summary>
    [DurationRange("00:00:00.05", "00:00:05")]
    public TimeSpan ReplyTimeout { get; set; } = TimeSpan.FromMilliseconds(300);

    /// <summary>Added to the module's object value to give the body value the rules judge. Default 0 (body-mode module).</summary>
    [Range(-5.0, 5.0)]
    public decimal BodyOffsetC { get; set; }

    /// <summary>A person stands in front when the object value exceeds ambient by this much. Default 1.5 °C.</summary>
    [Range(0.1, 10.0)]
    public decimal TargetMinDeltaC { get; set; } = 1.5m;
}
