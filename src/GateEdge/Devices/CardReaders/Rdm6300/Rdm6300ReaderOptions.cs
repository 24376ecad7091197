using GateEdge.Devices.Serial;

namespace GateEdge.Devices.CardReaders.Rdm6300;

/// <summary>An RDM6300-style 125 kHz compound-card reader, an entry of <c>Devices:Rdm6300Readers</c>.</summary>
internal sealed class Rdm6300ReaderOptions : SerialDeviceOptions
{
    public Rdm6300ReaderOptions() => BaudRate = 9600;
}
