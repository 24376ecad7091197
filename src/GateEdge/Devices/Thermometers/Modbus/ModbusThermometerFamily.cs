using GateEdge.Devices.Serial;

namespace GateEdge.Devices.Thermometers.Modbus;

/// <summary>Thermometer heads answering Modbus RTU on RS-485 (docs/protocols.md §3.3).</summary>
internal static class ModbusThermometerFamily
{
    public static readonly DeviceFamily<ModbusThermometerOptions> Family = new("modbus-thermometer", DeviceRole.Thermometer, DeviceWiring.Serial, d => d.ModbusThermometers,
        (o, s) => SerialDeviceConnection.For(o, new ModbusThermometerSession(o, s.Sink, s.Logger<ModbusThermometerSession>()), s.Time))
    {
        Check = Check,
        Probes = port => [new(Family!, "a Modbus RTU thermometer at address 1", "lane1-thermometer", new ModbusThermometerOptions { Name = "probe", Port = port }, ", \"Address\": 1")],
    };

    private static IEnumerable<string> Check(ModbusThermometerOptions head, string at)
    {
        if (head.Address is < 1 or > 247)
        {
            yield return $"{at}.Address: {head.Address} is not a Modbus slave address (1–247)";
        }

        if (head.Scale <= 0 || head.Scale > 1)
        {
            yield return $"{at}.Scale: {head.Scale} °C per count is outside (0, 1]";
        }
    }
}
