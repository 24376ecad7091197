using System.Globalization;

namespace GateEdge.Simulator.Devices;

/// <summary>
/// The bits a Wiegand card sends (docs/protocols.md §2.1), written apart from the gateway's decoder:
/// <c>"123/4567"</c> is W26 facility 123 card 4567, a plain number is W34.
/// </summary>
internal static class WiegandCardBits
{
    public static bool[] For(string card)
    {
        var parts = card.Split('/');
        return parts.Length == 2
            ? Frame((uint.Parse(parts[0], CultureInfo.InvariantCulture) << 16) | uint.Parse(parts[1], CultureInfo.InvariantCulture), 24)
            : Frame(uint.Parse(card, CultureInfo.InvariantCulture), 32);
    }

    /// <summary>Bits packed most significant first, as OSDP carries them.</summary>
    public static byte[] Packed(bool[] bits)
    {
        var packed = new byte[(bits.Length + 7) / 8];
        for (int i = 0; i < bits.Length; i++)
        {
            if (bits[i])
            {
                packed[i / 8] |= (byte)(0x80 >> (i % 8));
            }
        }

        return packed;
    }

    private static bool[] Frame(uint data, int dataBits)
    {
        var bits = new bool[dataBits + 2];
        for (int i = 0; i < dataBits; i++)
        {
            bits[1 + i] = (data >> (dataBits - 1 - i) & 1) == 1;
        }

        int half = dataBits / 2;
        bits[0] = bits.Skip(1).Take(half).Count(b => b) % 2 == 1;           // even parity over the first half
        bits[^1] = bits.Skip(1 + half).Take(half).Count(b => b) % 2 == 0;   // odd parity over the second half
        return bits;
    }
}
