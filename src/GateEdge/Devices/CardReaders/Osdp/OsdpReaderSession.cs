using GateEdge.Devices.Bus;
using GateEdge.Devices.CardReaders.Osdp.Protocol;
using GateEdge.Devices.CardReaders.Wiegand.Protocol;
using GateEdge.Devices.Framing;
using Microsoft.Extensions.Logging;

namespace GateEdge.Devices.CardReaders.Osdp;

/// <summary>
/// GateEdge as OSDP control panel for one reader (docs/protocols.md §2.3), polled by the
/// reader's bus. Without a key it polls in clear. With one (<see cref="OsdpReaderOptions.KeyFile"/>)
/// every connection opens a secure channel first (challenge, the reader's cryptogram checked, ours
/// sent, the first R-MAC checked) and then polls inside it; anything the reader says in clear, or
/// with a MAC that does not continue the session, ends the connection with an alarm and is never
/// read. In install mode it first gives the reader a key over a session on the default key.
/// Every connection starts at sequence number 0; a missed reply is retried with the same bytes, so
/// the reader repeats its answer instead of losing a card; a reader that has not answered for
/// <see cref="OsdpReaderOptions.OfflineAfter"/> is offline. A NAK is read for its reason before
/// its sequence number decides anything.
/// </summary>
internal sealed partial class OsdpReaderSession : IBusMember<OsdpPacket>
{
    private const byte NakUnknownCommand = 0x03;
    private const byte NakSequenceError = 0x04;
    private const byte NakSecureChannelUnsupported = 0x05;
    private const byte NakSecurityConditions = 0x06;
    private const byte RawFormatWiegand = 0x01;
    private const byte KeyTypeScbk = 0x01;

    private readonly OsdpReaderOptions _options;
    private readonly IDeviceEventSink _sink;
    private readonly ILogger<OsdpReaderSession> _logger;
    private readonly byte _address;
    private byte[]? _key;
    private State _state;
    private int _sequence;
    private long _lastAnswer;
    private byte[] _request = [];
    private byte[] _rndA = [];
    private byte[] _serverCryptogram = [];
    private OsdpSessionKeys? _keys;
    private OsdpSecureSession? _secure;
    private byte[]? _newKey;
    private bool _tampered;
    private bool _powerFailed;

    // Who the reader said it was (its cUID in the secure channel, its osdp_PDID on every connection):
    // another answer at the same address is another reader.
    private string? _knownUid;
    private string? _knownIdentity;

    /// <param name="attention">Says when someone is at the reader's lane, to poll at the attended interval; none: always the resting one.</param>
    public OsdpReaderSession(OsdpReaderOptions options, IDeviceEventSink sink, ILogger<OsdpReaderSession> logger, ReaderAttention? attention = null)
    {
        Pace = attention is null
            ? PollPace.Fixed(options.PollInterval)
            : PollPace.ForReader(options.PollInterval, options.AttendedPollInterval, attention, options.Name);
        _options = options;
        _sink = sink;
        _logger = logger;
        _address = (byte)options.Address;
        _key = options.KeyFile is { } file ? OsdpReaderKeyFile.Load(file) : null;
    }

    /// <summary>Where a connection to the reader stands.</summary>
    private enum State
    {
        /// <summary>No key: polls in clear.</summary>
        Clear,

        /// <summary>osdp_ID sent (in clear, or inside the new secure channel): who the reader is, before the first poll.</summary>
        Identifying,

        /// <summary><c>osdp_CHLNG</c> sent, the reader's cryptogram awaited.</summary>
        Challenged,

        /// <summary>Its cryptogram checked, ours sent, the first R-MAC awaited.</summary>
        Proved,

        /// <summary>Install mode: the new key sent inside a session on the default key.</summary>
        SendingKey,

        /// <summary>Polls inside the secure channel.</summary>
        Secure,
    }

    public string Device => _options.Name;

    public TimeSpan ReplyTimeout => _options.ReplyTimeout;

    public PollPace Pace { get; }

    /// <summary>Whether this connection speaks the secure channel (a key, or install mode giving one).</summary>
    private bool UsesSecureChannel => _key is not null || _options.InstallMode;

    public void Start(TimeProvider time)
    {
        _sequence = 0;
        _lastAnswer = time.GetTimestamp();
        _request = [];
        _secure = null;
        _keys = null;
        _state = UsesSecureChannel ? State.Challenged : State.Identifying;
        _rndA = OsdpSecureChannel.NewRandom();
    }

    /// <summary>The request for this turn; after a silence, the same bytes again.</summary>
    public byte[] NextRequest()
    {
        if (_request.Length > 0)
        {
            return _request;
        }

        return _request = _state switch
        {
            State.Challenged => OsdpWire.SecureCommand(_address, _sequence, OsdpCommand.Challenge,
                [3, OsdpSecurityType.Challenge, (byte)(_key is null ? 0 : 1)], _rndA),
            State.Proved => OsdpWire.SecureCommand(_address, _sequence, OsdpCommand.ServerCryptogram,
                [3, OsdpSecurityType.ServerCryptogram, (byte)(_key is null ? 0 : 1)], _serverCryptogram),
            State.Identifying => IdentityRequest(),
            State.SendingKey => _secure!.Command(_address, _sequence, OsdpCommand.KeySet, [KeyTypeScbk, OsdpSecureChannel.KeyLength, .. _newKey!]),
            State.Secure => _secure!.Command(_address, _sequence, OsdpCommand.Poll),
            _ => OsdpWire.Command(_address, _sequence, OsdpCommand.Poll),
        };
    }

    public bool Answers(OsdpPacket packet) =>
        packet.IsReply && packet.Address == _address && (packet.Sequence == _sequence || packet.Is(OsdpReply.Nak));

    public void OnAnswer(OsdpPacket reply, DeviceLink link, TimeProvider time)
    {
        _lastAnswer = time.GetTimestamp();
        _request = [];
        if (reply.Is(OsdpReply.Nak) && reply.Security is null)
        {
            // A reader that lost its session (it restarted) answers NAK in clear: nothing in it to trust, and nothing to forge.
            OnNak(reply.Data, link, time);
            return;
        }

        switch (_state)
        {
            case State.Clear:
                Handle(reply.Code, reply.Data, link, time);
                break;
            case State.Identifying when _secure is null:
                OnIdentity(reply.Code, reply.Data, time);
                break;
            case State.Challenged:
                OnClientCryptogram(reply, time);
                break;
            case State.Proved:
                OnInitialRMac(reply, time);
                break;
            default:
                var data = _secure!.Open(reply, out var problem) ?? throw Breach(problem!, time);
                if (_state == State.SendingKey)
                {
                    OnKeyAccepted(reply.Code, time);
                    return;
                }

                if (reply.Is(OsdpReply.Nak))
                {
                    // A NAK sets the next sequence number itself (0 for a new session).
                    OnNak(data, link, time);
                    return;
                }

                if (_state == State.Identifying)
                {
                    OnIdentity(reply.Code, data, time);
                    break;
                }

                Handle(reply.Code, data, link, time);
                break;
        }

        _sequence = OsdpWire.Next(_sequence);
    }

    public void OnSilence(DeviceLink link, TimeProvider time)
    {
        link.Counters.CountSilentPoll($"no reply within {_options.ReplyTimeout.TotalMilliseconds:0} ms");
        if (time.GetElapsedTime(_lastAnswer) >= _options.OfflineAfter)
        {
            throw new DeviceTimeoutException($"no reply for {_options.OfflineAfter.TotalSeconds:0} s");
        }
    }

    private void Handle(byte code, byte[] data, DeviceLink link, TimeProvider time)
    {
        if (code == (byte)OsdpReply.RawCardRead)
        {
            CardRead(data, link, time.GetUtcNow());
        }
        else if (code == (byte)OsdpReply.LocalStatus)
        {
            OnLocalStatus(data, link, time);
        }
    }

    private void OnNak(byte[] data, DeviceLink link, TimeProvider time)
    {
        switch (data)
        {
            case [NakSequenceError, ..]:
                // The reader lost track (it restarted): begin a new session.
                LogSequenceRestart(Device);
                Start(time);
                return;
            case [NakSecurityConditions, ..] when UsesSecureChannel:
                // It dropped our session (restarted, or timed it out): open a new one; nothing in clear is read meanwhile.
                LogSessionLost(Device);
                Start(time);
                return;
            case [NakSecurityConditions, ..]:
                // It answers, but will report nothing in clear: it is not a working reader.
                throw new DeviceProtocolException("the reader demands a secure channel (NAK 06, security conditions not met): it reports no cards in clear; give it a key (KeyFile, InstallMode)");
            case [NakUnknownCommand, ..] when _state == State.Identifying:
                // osdp_ID is mandatory, but a reader that does not know it can still read cards.
                Identified();
                _sequence = OsdpWire.Next(_sequence);
                return;
            case [NakSecureChannelUnsupported, ..] when UsesSecureChannel:
                throw new DeviceProtocolException("the reader does not support a secure channel (NAK 05), and it has a key here: remove KeyFile only if this reader was meant to run in clear");
            default:
                link.Counters.CountDiscard(DiscardReason.Malformed, data.Length);
                LogNak(Device, data.Length > 0 ? data[0] : -1);
                _sequence = OsdpWire.Next(_sequence);
                return;
        }
    }

    private void CardRead(byte[] data, DeviceLink link, DateTimeOffset at)
    {
        var read = OsdpCardRead.TryParse(data);
        var card = read is { Format: RawFormatWiegand } ? WiegandFormat.TryDecode(Bits(read)) : null;
        if (card is null)
        {
            // The reply's CRC (and MAC) was right, so the reader itself sent a read we cannot trust.
            link.Counters.CountDiscard(DiscardReason.Malformed, data.Length);
            LogBadRead(Device, read?.BitCount ?? 0);
            return;
        }

        _sink.OnCardPresented(new CardPresented(Device, new Credential(CredentialKind.CompoundCard, card.CredentialNumber), null, at));
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Device {Device}: the reader dropped the secure channel (NAK 06); opening a new one")]
    private partial void LogSessionLost(string device);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Device {Device}: the reader refused the poll (NAK {Code})")]
    private partial void LogNak(string device, int code);

    [LoggerMessage(Level = LogLevel.Information, Message = "Device {Device}: the reader reported a sequence error; starting a new OSDP session")]
    private partial void LogSequenceRestart(string device);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Device {Device}: card read of {Bits} bits is not a Wiegand 26/34 frame with good parity; ignored")]
    private partial void LogBadRead(string device, int bits);
}
