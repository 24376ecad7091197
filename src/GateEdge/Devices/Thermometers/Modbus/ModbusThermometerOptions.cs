using System.ComponentModel.DataAnnotations;
using GateEdge.Common;
using GateEdge.Devices.Bus;
using GateEdge.Devices.Serial;

namespace GateEdge.Devices.Thermometers.Modbus;

/// <summary>A Modbus RTU temperature head (RS-485), an entry of <c>Devices:ModbusThermometers</c>. Register and scale are per model.</summary>
internal sealed class ModbusThermometerOptions : SerialDeviceOptions, IBusAddressed
{
    public ModbusThermometerOptions() => BaudRate = 9600;

    /// <summary>Slave address. Default 1.</summary>
    [Range(1, 247)]
    public byte Address { get; set; } = 1;

    /// <summary>Holding register with the body temperature. Default 0.</summary>
    public ushort Register { get; set; }

    /// <summary>°C per count of the register. Default 0.1 (365 = 36.5 °C).</summary>
    [Range(0.001, 1.0)]
    public decimal Scale { get; set; } = 0.1m;

    /// <summary>Readings below this are the empty scene, not a person. Default 30.0 °C.</summary>
    public decimal NoTargetBelowC { get; set; } = 30.0m;

    /// <summary>Pause between polls. Default 200 ms.</summary>
    [DurationRange("00:00:00.05", "00:00:05")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>A head must reply within this. Default 300 ms.</summary>
    [DurationRange("00:00:00.05", "00:00:05")]
    public TimeSpan ReplyTimeout { get; set; } = TimeSpan.FromMilliseconds(300);

    int IBusAddressed.BusAddress => Address;
}
