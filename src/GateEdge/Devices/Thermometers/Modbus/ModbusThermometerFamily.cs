using GateEdge.Devices.Bus;
using GateEdge.Devices.Thermometers.Modbus.Protocol;

namespace GateEdge.Devices.Thermometers.Modbus;

/// <summary>Thermometer heads answering Modbus RTU on RS-485 (docs/protocols.md §3.3).</summary>
internal static class ModbusThermometerFamily
{
    public static readonly DeviceFamily<ModbusThermometerOptions> Family = new("modbus-thermometer", DeviceRole.Thermometer, DeviceWiring.Serial, d => d.ModbusThermometers,
        (o, s) => new BusMemberSession<ModbusReply>(s.Buses, o.Port, o.BaudRate, () => new ModbusReplyDecoder(), new ModbusThermometerSession(o, s.Sink)))
    {
        ScanWords = ("a Modbus RTU thermometer", "Modbus RTU thermometers", "lane1-thermometer"),
        Scan = port => Enumerable.Range(1, 247).Select(unit => new ModbusThermometerOptions
        {
            Name = $"unit{unit}", Port = port, Address = (byte)unit, ReplyTimeout = TimeSpan.FromMilliseconds(100), MaxSilentPolls = 1,
        }),
    };
}
