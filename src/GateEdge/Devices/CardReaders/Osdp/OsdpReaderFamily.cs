using GateEdge.Devices.Bus;
using GateEdge.Devices.CardReaders.Osdp.Protocol;

namespace GateEdge.Devices.CardReaders.Osdp;

/// <summary>OSDP readers on an RS-485 line, polled at their address (docs/protocols.md §2.3).</summary>
internal static class OsdpReaderFamily
{
    public static readonly DeviceFamily<OsdpReaderOptions> Family = new("osdp-reader", DeviceRole.CardReader, DeviceWiring.Serial, d => d.OsdpReaders,
        (o, s) => new BusMemberSession<OsdpPacket>(s.Buses, o.Port, o.BaudRate, () => new OsdpPacketDecoder(), new OsdpReaderSession(o, s.Sink, s.Logger<OsdpReaderSession>())))
    {
        Check = Check,
        Probes = port => [.. new[] { 0, 1 }.Select(address => new ProbeCandidate(Family!, $"an OSDP reader at address {address}", "lane1-reader",
            new OsdpReaderOptions { Name = "probe", Port = port, Address = address }, $", \"Address\": {address}"))],
    };

    private static IEnumerable<string> Check(OsdpReaderOptions r, string at)
    {
        if (r.InstallMode && string.IsNullOrWhiteSpace(r.KeyFile))
        {
            yield return $"{at}.InstallMode: needs KeyFile, the file GateEdge keeps the reader's new key in (e.g. \"keys/{r.Name}.scbk\")";
        }

        if (r.OfflineAfter <= r.ReplyTimeout)
        {
            yield return $"{at}.OfflineAfter: {r.OfflineAfter} must be longer than ReplyTimeout ({r.ReplyTimeout}; OSDP says 8 s)";
        }
    }
}
