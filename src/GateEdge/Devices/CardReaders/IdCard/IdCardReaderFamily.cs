using GateEdge.Devices.Serial;

namespace GateEdge.Devices.CardReaders.IdCard;

/// <summary>Resident ID-card readers with a SAM module on a serial port (docs/protocols.md §1).</summary>
internal static class IdCardReaderFamily
{
    public static readonly DeviceFamily<IdCardReaderOptions> Family = new("id-card-reader", DeviceRole.CardReader, DeviceWiring.Serial, d => d.IdCardReaders,
        (o, s) => SerialDeviceConnection.For(o, new IdCardReaderSession(o, s.Sink, s.Logger<IdCardReaderSession>(), s.Attention), s.Time))
    {
        Probes = port => [new(Family!, "an ID-card reader (SAM)", "lane1-idcard", new IdCardReaderOptions { Name = "probe", Port = port })],
    };
}
