using GateEdge.Devices.CardReaders.Rdm6300.Protocol;
using GateEdge.Devices.Framing;
using GateEdge.Devices.Serial;

namespace GateEdge.Devices.CardReaders.Rdm6300;

/// <summary>
/// Listens to an RDM6300 reader, which speaks only when a tag is in the field (docs/protocols.md §2.2).
/// The same tag repeats while held; the lane folds repeats into one presentation.
/// </summary>
internal sealed class Rdm6300ReaderSession(Rdm6300ReaderOptions options, IDeviceEventSink sink) : ISerialDeviceSession
{
    public string Device => options.Name;

    public Task RunAsync(SerialLine line, DeviceLink link, CancellationToken cancellationToken) =>
        FramedSession.ListenAsync(line.Stream, new Rdm6300FrameDecoder(), link,
            frame => sink.OnCardPresented(new CardPresented(Device, new Credential(CredentialKind.CompoundCard, frame.Tag), null, line.Time.GetUtcNow())),
            cancellationToken);
}
