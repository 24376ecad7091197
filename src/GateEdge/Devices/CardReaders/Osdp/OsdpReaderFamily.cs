using GateEdge.Common.Messages;
using GateEdge.Devices.Bus;
using GateEdge.Devices.CardReaders.Osdp.Protocol;

namespace GateEdge.Devices.CardReaders.Osdp;

/// <summary>OSDP readers on an RS-485 line, polled at their address (docs/protocols.md §2.3).</summary>
internal static class OsdpReaderFamily
{
    public static readonly DeviceFamily<OsdpReaderOptions> Family = new("osdp-reader", DeviceRole.CardReader, DeviceWiring.Serial, d => d.OsdpReaders,
        (o, s) => new BusMemberSession<OsdpPacket>(s.Buses, o.Port, o.BaudRate, () => new OsdpPacketDecoder(), new OsdpReaderSession(o, s.Sink, s.Logger<OsdpReaderSession>(), s.Attention)))
    {
        Check = Check,
        ScanWords = ("an OSDP reader", "OSDP readers", "lane1-reader"),
        ScanDefaults = 2,
        // A scan, not a probe: a bus holds several readers, and each answers only at its address.
        Scan = port => Enumerable.Range(0, 127).Select(address => new OsdpReaderOptions
        {
            Name = $"address{address}", Port = port, Address = address, ReplyTimeout = TimeSpan.FromMilliseconds(100), OfflineAfter = TimeSpan.FromMilliseconds(100),
        }),
    };

    private static IEnumerable<(string Path, Said What)> Check(OsdpReaderOptions r, string at)
    {
        if (r.InstallMode && string.IsNullOrWhiteSpace(r.KeyFile))
        {
            yield return ($"{at}.InstallMode", BoxMessages.InstallModeNeedsKeyFile.Say(("name", r.Name)));
        }

        if (r.OfflineAfter <= r.ReplyTimeout)
        {
            yield return ($"{at}.OfflineAfter", BoxMessages.OfflineAfterTooShort.Say(("offline", r.OfflineAfter), ("reply", r.ReplyTimeout)));
        }
    }
}
