using GateEdge.Simulator.Faults;

namespace GateEdge.Simulator.Devices;

/// <summary>
/// An OSDP v2 reader (a peripheral device, docs/protocols.md §2.3) on a virtual RS-485 line. It
/// answers each poll for its address with ACK, or with a raw Wiegand card read once a card is
/// presented. A poll repeating the last sequence number is a retry: it gets the same answer again,
/// so a card is never lost to a dropped reply. It speaks Secure Channel as a reader does: with a
/// key (<see cref="Key"/>) it opens a session on it, in install mode also on the default key, takes
/// a new key from <c>osdp_KEYSET</c>, checks every command's MAC and MACs and encrypts its
/// replies. Its framing, CRC and cryptography are its own (<see cref="OsdpReaderCrypto"/>), not the gateway's.
/// </summary>
internal sealed class SimulatedOsdpReader(string name, SimulatedLine port, byte address = 0) : ICompoundCardReader, ITamperable
{
    private const byte Poll = 0x60, IdReport = 0x61, KeySet = 0x75, Challenge = 0x76, ServerCryptogram = 0x77;
    private const byte Ack = 0x40, Nak = 0x41, PdId = 0x45, LocalStatus = 0x48, RawCardRead = 0x50, ClientCryptogram = 0x76, InitialRMac = 0x78;
    private const byte NakSequenceError = 0x04, NakSecurityConditions = 0x06;
    private readonly Queue<string> _cards = new();
    private readonly Lock _lock = new();
    private readonly TaskCompletionSource _firstPoll = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _tampered;
    private bool _statusChanged;
    private int _lastSequence = -1;
    private int _polls;
    private byte[]? _lastReply;
    private string? _lastCard;
    private Session? _session;

    public string Name => name;

    public SimulatedLine Line => port;

    public Task FirstPoll => _firstPoll.Task;

    /// <summary>Polls received for this reader's address, retries included.</summary>
    public int Polls => Volatile.Read(ref _polls);

    /// <summary>
    /// A reader configured to enforce a secure channel: it refuses every poll in clear with
    /// <c>NAK 06</c> (security conditions not met) and reports none of its cards.
    /// </summary>
    public bool DemandsSecureChannel { get; set; }

    /// <summary>Its secure channel key (SCBK); null: none yet.</summary>
    public byte[]? Key { get; set; }

    /// <summary>Accepts a session on the default key (30 31 … 3F) to be given a key; off once it has taken one.</summary>
    public bool InstallMode { get; set; }

    /// <summary>Its cUID (vendor, model, serial), as it gives it in <c>osdp_CCRYPT</c>.</summary>
    public byte[] Uid { get; set; } = [0x5A, 0x47, 0x45, 0x01, 0x00, 0x00, 0x00, address];

    /// <summary>Its tamper switch: each change is reported once, in answer to the next poll (<c>osdp_LSTATR</c>).</summary>
    public bool Tampered
    {
        get => _tampered;
        set
        {
            if (_tampered != value)
            {
                _tampered = value;
                _statusChanged = true;
            }
        }
    }

    /// <summary>
    /// Its osdp_PDID: vendor OUI (least significant byte first), model, version, serial number
    /// (its address, least significant byte first), firmware 1.0.0.
    /// </summary>
    public byte[] Identity { get; set; } = [0x45, 0x47, 0x5A, 0x01, 0x01, address, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00];

    /// <summary>Whether a secure session is open now.</summary>
    public bool IsSecure => _session?.Open == true;

    /// <summary>
    /// Someone on the reader's cable replays the last card it read, in clear, in place of the
    /// reader's answers (a forged read): the panel must refuse it from a reader that has a key.
    /// </summary>
    public bool ForgingPlainReads { get; set; }

    /// <summary>A card (<c>"facility/number"</c> for W26, a number for W34) is read at the next poll.</summary>
    public void Present(string card)
    {
        lock (_lock)
        {
            _cards.Enqueue(card);
        }
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var pending = new List<byte>();
        await foreach (var chunk in port.Received.ReadAllAsync(cancellationToken))
        {
            pending.AddRange(chunk);
            while (OsdpReaderCrypto.TryTakePacket(pending) is { } command)
            {
                if (command.Address != address)
                {
                    continue;
                }

                if (command.Code == Poll)
                {
                    _firstPoll.TrySetResult();
                    Interlocked.Increment(ref _polls);
                }

                port.Write(ForgingPlainReads && _lastCard is not null && command.Code == Poll
                    ? CardReadReply(address, command.Sequence, _lastCard)
                    : Answer(command));
            }
        }
    }

    private byte[] Answer(OsdpReaderCrypto.Packet command)
    {
        if (command.Sequence != 0 && command.Sequence == _lastSequence && _lastReply is not null)
        {
            return _lastReply;
        }

        if (_lastSequence < 0 && command.Sequence != 0)
        {
            // Just powered up, and the panel carries on a session this reader never had: a
            // sequence error (NAK 04) with sequence 0, as readers answer, until the panel starts over.
            return OsdpReaderCrypto.Build((byte)(address | 0x80), 0, Nak, [NakSequenceError]);
        }

        var reply = command.SecurityType switch
        {
            0x11 when command.Code == Challenge => OnChallenge(command),
            0x13 when command.Code == ServerCryptogram => OnServerCryptogram(command),
            0x15 or 0x17 when _session?.Open == true => OnSecure(command),
            0 when _session?.Open != true && !DemandsSecureChannel && Key is null && command.Code is Poll or IdReport =>
                Plain(command.Sequence, command.Code == Poll ? NextAnswer() : (PdId, Identity)),
            _ => Refuse(command.Sequence),
        };
        _lastSequence = command.Sequence;
        _lastReply = reply;
        return reply;
    }

    /// <summary>osdp_CHLNG: the session keys on the key asked for, its cryptogram and random back (osdp_CCRYPT).</summary>
    private byte[] OnChallenge(OsdpReaderCrypto.Packet command)
    {
        bool defaultKey = command.SecurityData is [0];
        var key = defaultKey ? (InstallMode ? OsdpReaderCrypto.DefaultKey : null) : Key;
        if (key is null || command.Data.Length != 8)
        {
            return Refuse(command.Sequence);
        }

        var session = _session = new Session(OsdpReaderCrypto.SessionKeys(key, command.Data), command.Data, OsdpReaderCrypto.Random(8), defaultKey);
        var cryptogram = OsdpReaderCrypto.Ecb(session.Keys.Enc, [.. session.RndA, .. session.RndB]);
        return OsdpReaderCrypto.Build((byte)(address | 0x80), command.Sequence, ClientCryptogram, [.. Uid, .. session.RndB, .. cryptogram], [3, 0x12, (byte)(defaultKey ? 0 : 1)]);
    }

    /// <summary>osdp_SCRYPT: the panel's cryptogram checked; the first R-MAC back (osdp_RMAC_I) opens the session.</summary>
    private byte[] OnServerCryptogram(OsdpReaderCrypto.Packet command)
    {
        if (_session is not { } session || !OsdpReaderCrypto.Equal(command.Data, OsdpReaderCrypto.Ecb(session.Keys.Enc, [.. session.RndB, .. session.RndA])))
        {
            _session = null;
            return Refuse(command.Sequence);
        }

        session.RMac = OsdpReaderCrypto.Ecb(session.Keys.Mac2, OsdpReaderCrypto.Ecb(session.Keys.Mac1, command.Data));
        session.Open = true;
        return OsdpReaderCrypto.Build((byte)(address | 0x80), command.Sequence, InitialRMac, session.RMac, [3, 0x14, 0x01]);
    }

    /// <summary>A command inside the session: its MAC must continue the chain; the reply continues it.</summary>
    private byte[] OnSecure(OsdpReaderCrypto.Packet command)
    {
        var session = _session!;
        var mac = OsdpReaderCrypto.Mac(session.Keys, session.RMac, command.Authenticated);
        if (!OsdpReaderCrypto.Equal(command.Mac, mac[..4]))
        {
            _session = null;
            return Refuse(command.Sequence);
        }

        session.CMac = mac;
        var data = command.SecurityType == 0x17 ? OsdpReaderCrypto.Decrypt(session.Keys.Enc, session.RMac, command.Data) : command.Data;
        if (data is null)
        {
            _session = null;
            return Refuse(command.Sequence);
        }

        (byte Code, byte[] Data) answer = Respond(command.Code, data);
        bool encrypted = answer.Data.Length > 0;
        var payload = encrypted ? OsdpReaderCrypto.Encrypt(session.Keys.Enc, session.CMac, answer.Data) : [];
        return OsdpReaderCrypto.Build((byte)(address | 0x80), command.Sequence, answer.Code, payload, [2, (byte)(encrypted ? 0x18 : 0x16)],
            message => session.RMac = OsdpReaderCrypto.Mac(session.Keys, session.CMac, message));
    }

    private (byte Code, byte[] Data) Respond(byte code, byte[] data)
    {
        if (code == KeySet && data is [0x01, 16, ..] && data.Length == 18)
        {
            Key = data[2..];
            InstallMode = false;
            return (Ack, []);
        }

        return code switch
        {
            Poll => NextAnswer(),
            IdReport => (PdId, Identity),
            _ => (Nak, [0x03]),
        };
    }

    /// <summary>What a poll gets: a change of its tamper switch, the next card read, or ACK.</summary>
    private (byte Code, byte[] Data) NextAnswer()
    {
        if (_statusChanged)
        {
            _statusChanged = false;
            return (LocalStatus, [(byte)(_tampered ? 1 : 0), 0]);
        }

        string? card;
        lock (_lock)
        {
            _cards.TryDequeue(out card);
        }

        if (card is null)
        {
            return (Ack, []);
        }

        _lastCard = card;
        return (RawCardRead, CardReadData(card));
    }

    private byte[] Plain(int sequence, (byte Code, byte[] Data) answer) => OsdpReaderCrypto.Build((byte)(address | 0x80), sequence, answer.Code, answer.Data);

    private byte[] Refuse(int sequence) => OsdpReaderCrypto.Build((byte)(address | 0x80), sequence, Nak, [NakSecurityConditions]);

    /// <summary>The raw card-read reply (code 50, reader 0, format 01 Wiegand) for <paramref name="card"/>, in clear.</summary>
    internal static byte[] CardReadReply(byte address, int sequence, string card) =>
        OsdpReaderCrypto.Build((byte)(address | 0x80), sequence, RawCardRead, CardReadData(card));

    private static byte[] CardReadData(string card)
    {
        var bits = WiegandCardBits.For(card);
        return [0x00, 0x01, (byte)bits.Length, (byte)(bits.Length >> 8), .. WiegandCardBits.Packed(bits)];
    }

    private sealed class Session(OsdpReaderCrypto.Keys keys, byte[] rndA, byte[] rndB, bool defaultKey)
    {
        public OsdpReaderCrypto.Keys Keys { get; } = keys;

        public byte[] RndA { get; } = rndA;

        public byte[] RndB { get; } = rndB;

        public bool DefaultKey { get; } = defaultKey;

        public bool Open { get; set; }

        public byte[] RMac { get; set; } = [];

        public byte[] CMac { get; set; } = [];
    }
}
