using GateEdge.Devices.CardReaders.Wiegand.Protocol;
using GateEdge.Devices.Framing;
using GateEdge.Devices.Gpio;
using Microsoft.Extensions.Logging;

namespace GateEdge.Devices.CardReaders.Wiegand;

/// <summary>
/// Listens to a Wiegand reader on two GPIO lines: ordered pulses become frames at the frame gap,
/// frames with a known length and both parities right become cards. Wiegand has no handshake, so
/// the reader is online as long as its lines are held; a frame that fails its checks is a bad frame.
/// </summary>
internal sealed partial class WiegandReaderSession(
    WiegandReaderOptions options,
    IPulseLineSource lines,
    IDeviceEventSink sink,
    TimeProvider time,
    ILogger<WiegandReaderSession> logger) : IDeviceSession
{
    public string Device => options.Name;

    public string Address => $"GPIO lines D0={options.D0Line} D1={options.D1Line}";

    public async Task RunAsync(DeviceLink link, CancellationToken cancellationToken)
    {
        using var pulses = lines.Open(options.D0Line, options.D1Line, $"gateedge {Device}");
        link.MarkOnline();
        var assembler = new WiegandBitAssembler(options.FrameGap);
        var lastPulse = TimeSpan.Zero;
        while (true)
        {
            WiegandPulse pulse;
            // Between frames nothing is pending, so there is no gap to wait for.
            using (var idle = new CancellationTokenSource(assembler.InFrame ? options.FrameGap : Timeout.InfiniteTimeSpan, time))
            using (var wait = CancellationTokenSource.CreateLinkedTokenSource(idle.Token, cancellationToken))
            {
                try
                {
                    pulse = await pulses.Pulses.ReadAsync(wait.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (idle.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
                {
                    // Nothing for a frame gap since the last pulse arrived, so at least that long since it happened.
                    Finish(assembler.Idle(lastPulse + options.FrameGap), link);
                    continue;
                }
                catch (System.Threading.Channels.ChannelClosedException ex)
                {
                    throw ex.InnerException as DeviceException ?? new DeviceDisconnectedException("the GPIO lines were released", ex);
                }
            }

            lastPulse = pulse.At;
            Finish(assembler.Pulse(pulse.One, pulse.At), link);
        }
    }

    private void Finish(bool[]? frame, DeviceLink link)
    {
        if (frame is null)
        {
            return;
        }

        var card = WiegandFormat.TryDecode(frame);
        if (card is null)
        {
            link.Counters.CountDiscard(frame.Length is 26 or 34 ? DiscardReason.BadChecksum : DiscardReason.BadLength, frame.Length);
            LogBadFrame(Device, frame.Length);
            return;
        }

        link.Counters.CountFrame();
        sink.OnCardPresented(new CardPresented(Device, new Credential(CredentialKind.CompoundCard, card.CredentialNumber), null, time.GetUtcNow()));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Device {Device}: a {Bits}-bit Wiegand frame failed its length or parity check; ignored")]
    private partial void LogBadFrame(string device, int bits);
}
