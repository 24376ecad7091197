using GateEdge.Devices.CardReaders.Rdm6300.Protocol;
using GateEdge.Devices.Framing;
using Microsoft.Extensions.Logging;

namespace GateEdge.Devices.CardReaders.Rdm6300;

/// <summary>
/// Listens to an RDM6300 reader, which speaks only when a tag is in the field (protocols.md §2.2).
/// Such a reader is silent when idle, so silence is not a fault: it is offline only when its port
/// fails. The same tag repeats while held; the lane folds repeats into one presentation.
/// </summary>
internal sealed partial class Rdm6300ReaderSession(
    Rdm6300ReaderOptions options,
    IDeviceEventSink sink,
    TimeProvider time,
    ILogger<Rdm6300ReaderSession> logger) : ISerialDeviceSession
{
    public string Device => options.Name;

    public Task RunAsync(Stream stream, DeviceLink link, CancellationToken cancellationToken) =>
        FramedSession.WithReaderAsync(stream, new Rdm6300FrameDecoder(), link, async reader =>
        {
            link.MarkOnline();
            await foreach (var frame in reader.Frames.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                LogTag(Device);
                sink.OnCardPresented(new CardPresented(Device, new Credential(CredentialKind.CompoundCard, frame.Tag), null, time.GetUtcNow()));
            }

            // The read loop completed its channel: the port failed.
            await reader.Frames.Completion.ConfigureAwait(false);
        }, cancellationToken);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Device {Device}: tag read")]
    private partial void LogTag(string device);
}
