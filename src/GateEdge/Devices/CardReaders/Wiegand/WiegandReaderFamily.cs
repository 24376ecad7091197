namespace GateEdge.Devices.CardReaders.Wiegand;

/// <summary>Wiegand readers on two GPIO lines of the chip the outputs use (docs/protocols.md §2.1).</summary>
internal static class WiegandReaderFamily
{
    public static readonly DeviceFamily<WiegandReaderOptions> Family = new("wiegand-reader", DeviceRole.CardReader, DeviceWiring.Gpio, d => d.WiegandReaders,
        (o, s) => new WiegandReaderSession(o, s.PulseLines, s.Sink, s.Time, s.Logger<WiegandReaderSession>()))
    {
        Lines = r => [("D0Line", r.D0Line), ("D1Line", r.D1Line)],
    };
}
