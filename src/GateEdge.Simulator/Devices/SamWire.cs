namespace GateEdge.Simulator.Devices;

/// <summary>
/// The reader's side of the SAM protocol (docs/protocols.md §1), written independently of the
/// gateway's decoder so a shared mistake cannot pass both: replies are preamble, Len,
/// 00 00 SW3, data, and an XOR over Len…data.
/// </summary>
internal static class SamWire
{
    private static readonly byte[] Preamble = [0xAA, 0xAA, 0xAA, 0x96, 0x69];

    /// <summary>The start of the card-read reply, the longest the reader sends: its preamble and a length of 1,288.</summary>
    public static byte[] LongestReplyStart => [.. Preamble, 0x05, 0x08];

    public static byte[] Reply(byte sw3, ReadOnlySpan<byte> data = default)
    {
        int len = 3 + data.Length + 1;
        var frame = new byte[7 + len];
        Preamble.CopyTo(frame, 0);
        frame[5] = (byte)(len >> 8);
        frame[6] = (byte)(len & 0xFF);
        frame[9] = sw3;
        data.CopyTo(frame.AsSpan(10));
        byte x = 0;
        for (int i = 5; i < frame.Length - 1; i++)
        {
            x ^= frame[i];
        }

        frame[^1] = x;
        return frame;
    }

    /// <summary>Finds the next host command in <paramref name="buffer"/>: (cmd, para, checksum ok), and how many bytes it used.</summary>
    public static bool TryTakeCommand(List<byte> buffer, out byte cmd, out byte para, out bool checksumOk)
    {
        cmd = para = 0;
        checksumOk = false;
        while (true)
        {
            int start = IndexOfPreamble(buffer);
            if (start < 0)
            {
                buffer.RemoveRange(0, Math.Max(0, buffer.Count - 4));
                return false;
            }

            buffer.RemoveRange(0, start);
            if (buffer.Count < 7)
            {
                return false;
            }

            int len = (buffer[5] << 8) | buffer[6];
            if (len is < 3 or > 64)
            {
                buffer.RemoveAt(0);
                continue;
            }

            if (buffer.Count < 7 + len)
            {
                return false;
            }

            byte x = 0;
            for (int i = 5; i < 6 + len; i++)
            {
                x ^= buffer[i];
            }

            cmd = buffer[7];
            para = buffer[8];
            checksumOk = x == buffer[6 + len];
            buffer.RemoveRange(0, 7 + len);
            return true;
        }
    }

    private static int IndexOfPreamble(List<byte> buffer)
    {
        for (int i = 0; i + Preamble.Length <= buffer.Count; i++)
        {
            if (buffer[i] == 0xAA && buffer[i + 1] == 0xAA && buffer[i + 2] == 0xAA && buffer[i + 3] == 0x96 && buffer[i + 4] == 0x69)
            {
                return i;
            }
        }

        return -1;
    }
}
