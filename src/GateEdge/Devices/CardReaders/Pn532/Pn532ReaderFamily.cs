using GateEdge.Common.Messages;
namespace GateEdge.Devices.CardReaders.Pn532;

/// <summary>PN532 NFC readers in HSU mode on a serial port, through dotnet/iot's binding (docs/protocols.md §2.3, "Secure Channel").</summary>
internal static class Pn532ReaderFamily
{
    // The binding opens the port itself, so the session is the connection.
    public static readonly DeviceFamily<Pn532ReaderOptions> Family = new("pn532-reader", DeviceRole.CardReader, DeviceWiring.Serial, d => d.Pn532Readers,
        (o, s) => new Pn532ReaderSession(o, s.Sink, s.Time, s.Logger<Pn532ReaderSession>()))
    {
        Check = (r, at) => r.BaudRate == Pn532ReaderOptions.HsuBaudRate ? []
            : [($"{at}.BaudRate", BoxMessages.Pn532BaudRate.Say(("baud", Pn532ReaderOptions.HsuBaudRate)))],
        Probes = port => [new(Family!, "a PN532 NFC reader (HSU)", "lane1-nfc", new Pn532ReaderOptions { Name = "probe", Port = port })],
    };
}
