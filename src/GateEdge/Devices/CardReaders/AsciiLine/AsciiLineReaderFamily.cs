using GateEdge.Devices.CardReaders.AsciiLine.Protocol;
using GateEdge.Devices.Serial;

namespace GateEdge.Devices.CardReaders.AsciiLine;

/// <summary>Readers that print each card's UID as a line of text (docs/protocols.md §2.2).</summary>
internal static class AsciiLineReaderFamily
{
    public static readonly DeviceFamily<AsciiLineReaderOptions> Family = new("ascii-line-reader", DeviceRole.CardReader, DeviceWiring.Serial, d => d.AsciiLineReaders,
        (o, s) => SerialDeviceConnection.For(o, new AsciiLineReaderSession(o, s.Sink), s.Time))
    {
        Probes = port => [.. new[] { UidRadix.Decimal, UidRadix.Hex }.Select(radix => new ProbeCandidate(Family!,
            $"a reader that prints a {radix.ToString().ToLowerInvariant()} UID per line", "lane1-reader",
            new AsciiLineReaderOptions { Name = "probe", Port = port, Radix = radix }, $", \"Radix\": \"{radix}\"", SpeaksOnlyWithACard: true))],
    };
}
