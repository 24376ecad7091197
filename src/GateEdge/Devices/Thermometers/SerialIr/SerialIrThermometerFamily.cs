using GateEdge.Devices.Serial;

namespace GateEdge.Devices.Thermometers.SerialIr;

/// <summary>Serial infrared thermometer modules speaking the GY protocol (docs/protocols.md §3.2).</summary>
internal static class SerialIrThermometerFamily
{
    public static readonly DeviceFamily<SerialIrThermometerOptions> Family = new("serial-ir-thermometer", DeviceRole.Thermometer, DeviceWiring.Serial, d => d.SerialIrThermometers,
        (o, s) => SerialDeviceConnection.For(o, new SerialIrThermometerSession(o, s.Sink, s.Logger<SerialIrThermometerSession>()), s.Time))
    {
        Probes = port => [.. new[] { 9600, 115200 }.Select(baud => new ProbeCandidate(Family!, "a serial infrared thermometer (GY protocol)", "lane1-thermometer",
            new SerialIrThermometerOptions { Name = "probe", Port = port, BaudRate = baud }))],
    };
}
