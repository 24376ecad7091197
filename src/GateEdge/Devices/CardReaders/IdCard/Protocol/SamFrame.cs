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

    /// <summary>Where the big-endian Len starts; the checksum covers from here.</summary>
    public const int LenOffset = 5;

    /// <summary>A command's CMD and Para bytes, then its data.</summary>
    public const int CommandOffset = 7;
    public const int ParaOffset = 8;
    public const int CommandDataOffset = 9;

    /// <summary>A reply's SW1, SW2 and SW3 (<see cref="SamStatus"/> is SW3), then its data.</summary>
    public const int Sw3Offset = 9;
    public const int ReplyDataOffset = 10;

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
        System.Buffers.Binary.BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(LenOffset), (ushort)len);
        frame[CommandOffset] = cmd;
        frame[ParaOffset] = para;
        data.CopyTo(frame.AsSpan(CommandDataOffset));
        frame[^1] = Checksum(frame.AsSpan(LenOffset..^1));
        return frame;
    }
}
