namespace GateEdge.Devices.CardReaders.Wiegand.Protocol;

/// <summary>
/// Wiegand 26 and 34 (docs/protocols.md §2.1): first bit is even parity over the first half of the
/// data bits, last bit odd parity over the second half. Other lengths are refused.
/// </summary>
internal static class WiegandFormat
{
    public static WiegandCard? TryDecode(ReadOnlySpan<bool> bits)
    {
        if (bits.Length is not (26 or 34))
        {
            return null;
        }

        int half = (bits.Length - 2) / 2;
        var data = bits[1..^1];
        if (Ones(data[..half]) % 2 != (bits[0] ? 1 : 0) || (Ones(data[half..]) + (bits[^1] ? 1 : 0)) % 2 != 1)
        {
            return null;
        }

        ulong value = 0;
        foreach (bool bit in data)
        {
            value = (value << 1) | (bit ? 1UL : 0UL);
        }

        return bits.Length == 26
            ? new WiegandCard(26, (uint)(value >> 16), (uint)(value & 0xFFFF))
            : new WiegandCard(34, 0, (uint)value);
    }

    private static int Ones(ReadOnlySpan<bool> bits)
    {
        int count = 0;
        foreach (bool bit in bits)
        {
            count += bit ? 1 : 0;
        }

        return count;
    }
}
