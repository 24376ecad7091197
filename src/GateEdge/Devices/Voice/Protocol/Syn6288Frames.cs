namespace GateEdge.Devices.Voice.Protocol;

/// <summary>
/// The frames the gateway sends a SYN6288-family speech module (docs/protocols.md §6): <c>FD</c>,
/// a big-endian length counting everything after it (command, parameter, text, checksum), the
/// command, its parameter, the text, and an XOR of every byte before the checksum. Pure: bytes in,
/// bytes out.
/// </summary>
internal static class Syn6288Frames
{
    public const byte Header = 0xFD;
    public const byte SpeakCommand = 0x01;
    public const byte StopCommand = 0x02;
    public const byte StatusCommand = 0x21;

    /// <summary>The module reads at most this much text in one frame.</summary>
    public const int MaxTextBytes = 200;

    /// <summary>"Are you idle?": the module answers <c>4F</c> (idle) or <c>4E</c> (busy), after <c>41</c> on some firmware.</summary>
    public static readonly byte[] StatusQuery = Build(StatusCommand, []);

    /// <summary>Stop speaking now.</summary>
    public static readonly byte[] Stop = Build(StopCommand, []);

    /// <summary>Speak <paramref name="text"/>, already encoded as <paramref name="encoding"/>. A new one interrupts the one being spoken.</summary>
    public static byte[] Speak(ReadOnlySpan<byte> text, SpeechEncoding encoding)
    {
        if (text.Length > MaxTextBytes)
        {
            throw new ArgumentException($"{text.Length} bytes of text; the module takes at most {MaxTextBytes}", nameof(text));
        }

        return Build(SpeakCommand, [(byte)encoding, .. text]);
    }

    private static byte[] Build(byte command, ReadOnlySpan<byte> body)
    {
        int length = 1 + body.Length + 1;
        var frame = new byte[3 + length];
        frame[0] = Header;
        frame[1] = (byte)(length >> 8);
        frame[2] = (byte)length;
        frame[3] = command;
        body.CopyTo(frame.AsSpan(4));
        byte xor = 0;
        foreach (byte b in frame.AsSpan(0, frame.Length - 1))
        {
            xor ^= b;
        }

        frame[^1] = xor;
        return frame;
    }
}
