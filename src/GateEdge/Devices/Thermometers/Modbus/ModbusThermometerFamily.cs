using GateEdge.Devices.Bus;
using GateEdge.Devices.Thermometers.Modbus.Protocol;

namespace GateEdge.Devices.Thermometers.Modbus;

/// <summary>Thermometer heads answering Modbus RTU on RS-485 (docs/protocols.md §3.3).</summary>
internal static class ModbusThermometerFamily
{
    public static readonly DeviceFamily<ModbusThermometerOptions> Family = new("modbus-thermometer", DeviceRole.Thermometer, DeviceWiring.Serial, d => d.ModbusThermometers,
        (o, s) => new BusMemberSession<ModbusReply>(s.Buses, o.Port, o.BaudRate, () => new ModbusReplyDecoder(), new ModbusThermometerSession(o, s.Sink)))
    {
        Probes = port => [new(Family!, "a Modbus RTU thermometer at address 1", "lane1-thermometer", new ModbusThermometerOptions { Name = "probe", Port = port }, ", \"Address\": 1")],
    };
}
