namespace GateEdge.Devices.CardReaders.IdCard.Protocol;

/// <summary>
/// Layout shared by SAM commands and replies (docs/protocols.md §1): preamble, big-endian Len,
/// body, and an XOR checksum over every byte from Len up to the byte before it.
/// </summary>
internal static class SamFrame
{
    public static ReadOnlySpan<byte> Preamble => [0xAA, 0xAA, 0xAA, 0x96, 0x69];

    /// <summary>Preamble plus the two Len bytes: total frame length is Len + 7.</summary>
    public const int HeaderLength = 7;

    /// <summary>XOR of <paramref name="span"/>: callers pass bytes from Len to the last data byte.</summary>
    public static byte Checksum(ReadOnlySpan<byte> span)
    {
        byte x = 0;
        foreach (byte b in span)
        {
            x ^= b;
        }

        return x;
    }

    /// <summary>Builds a host command: preamble, Len, CMD, Para, data, CHK.</summary>
    public static byte[] Command(byte cmd, byte para, ReadOnlySpan<byte> data = default)
    {
        int len = 2 + data.Length + 1;
        var frame = new byte[HeaderLength + len];
        Preamble.CopyTo(frame);
        frame[5] = (byte)(len >> 8);
        frame[6] = (byte)len;
        frame[7] = cmd;
        frame[8] = para;
        data.CopyTo(frame.AsSpan(9));
        frame[^1] = Checksum(frame.AsSpan(5, frame.Length - 6));
        return frame;
    }
}
