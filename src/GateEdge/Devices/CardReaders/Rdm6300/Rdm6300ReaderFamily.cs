using GateEdge.Devices.Serial;

namespace GateEdge.Devices.CardReaders.Rdm6300;

/// <summary>125 kHz tag readers that announce a tag unasked (docs/protocols.md §2.2).</summary>
internal static class Rdm6300ReaderFamily
{
    public static readonly DeviceFamily<Rdm6300ReaderOptions> Family = new("rdm6300-reader", DeviceRole.CardReader, DeviceWiring.Serial, d => d.Rdm6300Readers,
        (o, s) => SerialDeviceConnection.For(o, new Rdm6300ReaderSession(o, s.Sink), s.Time))
    {
        Probes = port => [new(Family!, "an RDM6300 125 kHz reader", "lane1-tags", new Rdm6300ReaderOptions { Name = "probe", Port = port }, SpeaksOnlyWithACard: true)],
    };
}
