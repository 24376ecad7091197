using GateEdge.Simulator.Faults;

namespace GateEdge.Simulator.Devices;

/// <summary>
/// An OSDP v2 reader (a peripheral device, docs/protocols.md §2.3) on a virtual RS-485 line. It answers
/// each poll for its address with ACK, or with a raw Wiegand card read once a card is presented.
/// A poll repeating the last sequence number is a retry: it gets the same answer again, so a card
/// is never lost to a dropped reply. Its framing and CRC are its own, not the gateway's.
/// </summary>
internal sealed class SimulatedOsdpReader(string name, SimulatedLine port, byte address = 0) : ICompoundCardReader
{
    private const byte Poll = 0x60;
    private const byte Ack = 0x40;
    private const byte RawCardRead = 0x50;
    private const byte Nak = 0x41;
    private const byte NakSecurityConditions = 0x06;
    private readonly Queue<string> _cards = new();
    private readonly Lock _lock = new();
    private readonly TaskCompletionSource _firstPoll = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _lastSequence = -1;
    private int _polls;
    private byte[]? _lastReply;

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
            while (TryTakeCommand(pending, out byte to, out int sequence, out byte code))
            {
                if (to == address && code == Poll)
                {
                    _firstPoll.TrySetResult();
                    Interlocked.Increment(ref _polls);
                    port.Write(Answer(sequence));
                }
            }
        }
    }

    private byte[] Answer(int sequence)
    {
        if (DemandsSecureChannel)
        {
            return Packet((byte)(address | 0x80), sequence, Nak, [NakSecurityConditions]);
        }

        if (sequence != 0 && sequence == _lastSequence && _lastReply is not null)
        {
            return _lastReply;
        }

        string? card;
        lock (_lock)
        {
            _cards.TryDequeue(out card);
        }

        byte[] reply;
        if (card is null)
        {
            reply = Packet((byte)(address | 0x80), sequence, Ack, []);
        }
        else
        {
            reply = CardReadReply(address, sequence, card);
        }

        _lastSequence = sequence;
        _lastReply = reply;
        return reply;
    }

    /// <summary>The raw card-read reply (code 50, reader 0, format 01 Wiegand) for <paramref name="card"/>.</summary>
    internal static byte[] CardReadReply(byte address, int sequence, string card)
    {
        var bits = WiegandCardBits.For(card);
        return Packet((byte)(address | 0x80), sequence, RawCardRead, [0x00, 0x01, (byte)bits.Length, (byte)(bits.Length >> 8), .. WiegandCardBits.Packed(bits)]);
    }

    /// <summary>Takes the next whole command with a good CRC off the front of <paramref name="pending"/>, skipping noise.</summary>
    private static bool TryTakeCommand(List<byte> pending, out byte address, out int sequence, out byte code)
    {
        address = 0;
        sequence = 0;
        code = 0;
        while (true)
        {
            int start = pending.IndexOf(0x53);
            if (start < 0)
            {
                pending.Clear();
                return false;
            }

            pending.RemoveRange(0, start);
            if (pending.Count < 8)
            {
                return false;
            }

            int length = pending[2] | (pending[3] << 8);
            if (length < 8 || length > 1440)
            {
                pending.RemoveAt(0);
                continue;
            }

            if (pending.Count < length)
            {
                return false;
            }

            var packet = pending.GetRange(0, length).ToArray();
            ushort crc = (ushort)(packet[^2] | (packet[^1] << 8));
            if (Crc(packet.AsSpan(0, length - 2)) != crc)
            {
                pending.RemoveAt(0);
                continue;
            }

            pending.RemoveRange(0, length);
            address = packet[1];
            sequence = packet[4] & 0x03;
            code = packet[5];
            return true;
        }
    }

    private static byte[] Packet(byte to, int sequence, byte code, byte[] data)
    {
        int length = 8 + data.Length;
        byte[] packet = [0xFF, 0x53, to, (byte)length, (byte)(length >> 8), (byte)(0x04 | sequence), code, .. data, 0, 0];
        ushort crc = Crc(packet.AsSpan(1, length - 2));
        packet[^2] = (byte)crc;
        packet[^1] = (byte)(crc >> 8);
        return packet;
    }

    /// <summary>CRC-16/AUG-CCITT as OSDP uses it: table-driven here, bitwise in the gateway.</summary>
    private static ushort Crc(ReadOnlySpan<byte> data)
    {
        ushort crc = 0x1D0F;
        foreach (byte b in data)
        {
            crc = (ushort)((crc << 8) ^ Table[((crc >> 8) ^ b) & 0xFF]);
        }

        return crc;
    }

    private static readonly ushort[] Table = [.. Enumerable.Range(0, 256).Select(i =>
    {
        ushort value = (ushort)(i << 8);
        for (int bit = 0; bit < 8; bit++)
        {
            value = (value & 0x8000) != 0 ? (ushort)((value << 1) ^ 0x1021) : (ushort)(value << 1);
        }

        return value;
    })];
}
