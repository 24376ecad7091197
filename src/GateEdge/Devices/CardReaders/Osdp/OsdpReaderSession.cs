using GateEdge.Devices.Bus;
using GateEdge.Devices.CardReaders.Osdp.Protocol;
using GateEdge.Devices.CardReaders.Wiegand.Protocol;
using GateEdge.Devices.Framing;
using Microsoft.Extensions.Logging;

namespace GateEdge.Devices.CardReaders.Osdp;

/// <summary>
/// GateEdge as OSDP control panel for one reader (docs/protocols.md §2.3), polled by the reader's
/// bus: it polls, the reader answers ACK or a card read. Every session starts at sequence number 0;
/// a missed reply is retried with the same number, so the reader repeats its answer instead of
/// losing a card; a reader that has not answered for <see cref="OsdpReaderOptions.OfflineAfter"/>
/// is offline. A NAK is read for its reason before its sequence number decides anything: a reader
/// that restarted answers with sequence 0, and one that demands a secure channel says so.
/// </summary>
internal sealed partial class OsdpReaderSession(
    OsdpReaderOptions options,
    IDeviceEventSink sink,
    ILogger<OsdpReaderSession> logger) : IBusMember<OsdpPacket>
{
    private const byte NakSequenceError = 0x04;
    private const byte NakSecurityConditions = 0x06;
    private const byte RawFormatWiegand = 0x01;

    private readonly byte _address = (byte)options.Address;
    private int _sequence;
    private long _lastAnswer;
    private byte[] _request = [];

    public string Device => options.Name;

    public TimeSpan ReplyTimeout => options.ReplyTimeout;

    public TimeSpan PollInterval => options.PollInterval;

    public void Start(TimeProvider time)
    {
        _sequence = 0;
        _lastAnswer = time.GetTimestamp();
        _request = [];
    }

    /// <summary>A poll at the current sequence number; after a silence, the same bytes again.</summary>
    public byte[] NextRequest() => _request.Length > 0 ? _request : _request = OsdpWire.Command(_address, _sequence, OsdpCommand.Poll);

    public bool Answers(OsdpPacket packet) =>
        packet.IsReply && packet.Address == _address && (packet.Sequence == _sequence || packet.Is(OsdpReply.Nak));

    public void OnAnswer(OsdpPacket reply, DeviceLink link, TimeProvider time)
    {
        _lastAnswer = time.GetTimestamp();
        _request = [];
        if (reply.Is(OsdpReply.Nak))
        {
            OnNak(reply, link);
            return;
        }

        if (reply.Is(OsdpReply.RawCardRead))
        {
            CardRead(reply, link, time.GetUtcNow());
        }

        _sequence = OsdpWire.Next(_sequence);
    }

    public void OnSilence(DeviceLink link, TimeProvider time)
    {
        link.Counters.CountSilentPoll($"no reply within {options.ReplyTimeout.TotalMilliseconds:0} ms");
        if (time.GetElapsedTime(_lastAnswer) >= options.OfflineAfter)
        {
            throw new DeviceTimeoutException($"no reply for {options.OfflineAfter.TotalSeconds:0} s");
        }
    }

    private void OnNak(OsdpPacket nak, DeviceLink link)
    {
        switch (nak.Data)
        {
            case [NakSequenceError, ..]:
                // The reader lost track (it restarted): begin a new session.
                LogSequenceRestart(Device);
                _sequence = 0;
                return;
            case [NakSecurityConditions, ..]:
                // It answers, but will report nothing in clear: it is not a working reader.
                throw new DeviceProtocolException("the reader demands a secure channel (NAK 06, security conditions not met): it reports no cards in clear");
            default:
                link.Counters.CountDiscard(DiscardReason.Malformed, nak.Data.Length);
                LogNak(Device, nak.Data.Length > 0 ? nak.Data[0] : -1);
                _sequence = OsdpWire.Next(_sequence);
                return;
        }
    }

    private void CardRead(OsdpPacket reply, DeviceLink link, DateTimeOffset at)
    {
        var read = OsdpCardRead.TryParse(reply.Data);
        var card = read is { Format: RawFormatWiegand } ? WiegandFormat.TryDecode(Bits(read)) : null;
        if (card is null)
        {
            // The reply's CRC was right, so the reader itself sent a read we cannot trust.
            link.Counters.CountDiscard(DiscardReason.Malformed, reply.Data.Length);
            LogBadRead(Device, read?.BitCount ?? 0);
            return;
        }

        sink.OnCardPresented(new CardPresented(Device, new Credential(CredentialKind.CompoundCard, card.CredentialNumber), null, at));
    }

    private static bool[] Bits(OsdpCardRead read)
    {
        var bits = new bool[read.BitCount];
        for (int i = 0; i < bits.Length; i++)
        {
            bits[i] = (read.Bits[i / 8] & (0x80 >> (i % 8))) != 0;
        }

        return bits;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Device {Device}: the reader refused the poll (NAK {Code})")]
    private partial void LogNak(string device, int code);

    [LoggerMessage(Level = LogLevel.Information, Message = "Device {Device}: the reader reported a sequence error; starting a new OSDP session")]
    private partial void LogSequenceRestart(string device);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Device {Device}: card read of {Bits} bits is not a Wiegand 26/34 frame with good parity; ignored")]
    private partial void LogBadRead(string device, int bits);
}
