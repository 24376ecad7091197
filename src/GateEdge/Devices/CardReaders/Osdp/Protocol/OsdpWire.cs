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
    public static byte[] Command(byte address, int sequence, byte code, ReadOnlySpan<byte> data = default) =>
        Build((byte)(address & 0x7F), sequence, code, data);

    public static byte[] Reply(byte address, int sequence, byte code, ReadOnlySpan<byte> data = default) =>
        Build((byte)(address | ReplyBit), sequence, code, data);

    /// <summary>The next sequence number after <paramref name="sequence"/>: 1, 2, 3, 1, … (0 only restarts a session).</summary>
    public static int Next(int sequence) => sequence % 3 + 1;

    private static byte[] Build(byte address, int sequence, byte code, ReadOnlySpan<byte> data)
    {
        int length = 5 + 1 + data.Length + 2;
        var packet = new byte[1 + length];
        packet[0] = Mark;
        packet[1] = Start;
        packet[2] = address;
        packet[3] = (byte)length;
        packet[4] = (byte)(length >> 8);
        packet[5] = (byte)(CrcFlag | (sequence & 0x03));
        packet[6] = code;
        data.CopyTo(packet.AsSpan(7));
        ushort crc = OsdpCrc.Compute(packet.AsSpan(1, length - 2));
        packet[^2] = (byte)crc;
        packet[^1] = (byte)(crc >> 8);
        return packet;
    }
}
