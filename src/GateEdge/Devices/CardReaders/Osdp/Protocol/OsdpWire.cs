using System.Buffers.Binary;

namespace GateEdge.Devices.CardReaders.Osdp.Protocol;

/// <summary>
/// OSDP v2 framing (docs/protocols.md §2.3): <c>[FF] 53 ADDR LEN-lo LEN-hi CTRL code data CRC-lo CRC-hi</c>;
/// LEN counts from 53 through the CRC; CTRL bits 0–1 are the sequence number and bit 2 says a CRC follows.
/// </summary>
internal static class OsdpWire
{
    public const byte Mark = 0xFF;
    public const byte Start = 0x53;
    public const byte ReplyBit = 0x80;
    public const byte CrcFlag = 0x04;
    public const byte SecurityFlag = 0x08;

    /// <summary>A command from the control panel, with CRC, preceded by the mark byte.</summary>
    public static byte[] Command(byte address, int sequence, OsdpCommand code, ReadOnlySpan<byte> data = default) =>
        Build((byte)(address & 0x7F), sequence, (byte)code, data);

    public static byte[] Reply(byte address, int sequence, OsdpReply code, ReadOnlySpan<byte> data = default) =>
        Build((byte)(address | ReplyBit), sequence, (byte)code, data);

    /// <summary>The next sequence number after <paramref name="sequence"/>: 1, 2, 3, 1, … (0 only restarts a session).</summary>
    public static int Next(int sequence) => sequence % 3 + 1;

    /// <summary>
    /// A command with a security block: the handshake's (<c>SCS_11</c>, <c>SCS_13</c>, with its key
    /// byte), or a session's, whose MAC <paramref name="mac"/> computes over the packet from 53
    /// through the data (its first four bytes go on the wire).
    /// </summary>
    public static byte[] SecureCommand(byte address, int sequence, OsdpCommand code, ReadOnlySpan<byte> block, ReadOnlySpan<byte> data, Func<byte[], byte[]>? mac = null) =>
        Build((byte)(address & 0x7F), sequence, (byte)code, data, block, mac);

    private static byte[] Build(byte address, int sequence, byte code, ReadOnlySpan<byte> data, ReadOnlySpan<byte> block = default, Func<byte[], byte[]>? mac = null)
    {
        int macLength = mac is null ? 0 : OsdpSecureChannel.MacLength;
        int authenticated = OsdpOffset.Code + block.Length + 1 + data.Length;
        int length = authenticated + macLength + 2;
        var packet = new byte[1 + length];
        packet[0] = Mark;
        var body = packet.AsSpan(1);
        body[OsdpOffset.Start] = Start;
        body[OsdpOffset.Address] = address;
        BinaryPrimitives.WriteUInt16LittleEndian(body[OsdpOffset.Length..], (ushort)length);
        body[OsdpOffset.Control] = (byte)(CrcFlag | (block.IsEmpty ? 0 : SecurityFlag) | (sequence & 0x03));
        block.CopyTo(body[OsdpOffset.Code..]);
        body[OsdpOffset.Code + block.Length] = code;
        data.CopyTo(body[(OsdpOffset.Code + block.Length + 1)..]);
        if (mac is not null)
        {
            mac(body[..authenticated].ToArray()).AsSpan(0, macLength).CopyTo(body[authenticated..]);
        }

        ushort crc = OsdpCrc.Compute(body[..(length - 2)]);
        BinaryPrimitives.WriteUInt16LittleEndian(body[(length - 2)..], crc);
        return packet;
    }
}
