using GateEdge.Devices.CardReaders.AsciiLine.Protocol;
using GateEdge.Devices.Framing;
using GateEdge.Devices.Serial;

namespace GateEdge.Devices.CardReaders.AsciiLine;

/// <summary>
/// Listens to a reader that prints UIDs as text lines. Whatever the reader's radix and byte order,
/// the credential is the UID in card order as hex, so swapping a reader model keeps every
/// registered card valid.
/// </summary>
internal sealed class AsciiLineReaderSession(AsciiLineReaderOptions options, IDeviceEventSink sink) : ISerialDeviceSession
{
    public string Device => options.Name;

    public Task RunAsync(SerialLine line, DeviceLink link, CancellationToken cancellationToken) =>
        FramedSession.ListenAsync(line.Stream, new UidLineDecoder(options.Format), link,
            uid => sink.OnCardPresented(new CardPresented(Device, new Credential(CredentialKind.CompoundCard, Convert.ToHexString(uid)), null, line.Time.GetUtcNow())),
            cancellationToken);
}
