using GateEdge.Devices.Framing;

namespace GateEdge.Devices.Thermometers.Mlx90614.Protocol;

/// <summary>
/// One SMBus word read from an MLX90614 (docs/protocols.md §3.1): LSB, MSB, PEC. The
/// Iot.Device.Bindings class checks neither the PEC nor the error flag, so GateEdge does.
/// </summary>
internal static class Mlx90614Word
{
    public const byte DefaultAddress = 0x5A;
    public const byte AmbientRam = 0x06;
    public const byte ObjectRam = 0x07;

    /// <summary>SMBus PEC: CRC-8, polynomial 0x07, initial 0.</summary>
    public static byte Pec(ReadOnlySpan<byte> bytes)
    {
        byte crc = 0;
        foreach (byte b in bytes)
        {
            crc ^= b;
            for (int bit = 0; bit < 8; bit++)
            {
                crc = (crc & 0x80) != 0 ? (byte)((crc << 1) ^ 0x07) : (byte)(crc << 1);
            }
        }

        return crc;
    }

    /// <summary>
    /// °C from the three bytes read at <paramref name="command"/>, or null with <paramref name="why"/>:
    /// <see cref="DiscardReason.BadChecksum"/> when the PEC does not match (a corrupted transfer),
    /// <see cref="DiscardReason.Malformed"/> when bit 15 flags a sensor error (which would read −928.51 °C).
    /// </summary>
    public static decimal? TryCelsius(byte address, byte command, ReadOnlySpan<byte> lsbMsbPec, out DiscardReason why)
    {
        why = DiscardReason.None;
        if (lsbMsbPec.Length != 3)
        {
            why = DiscardReason.BadLength;
            return null;
        }

        ReadOnlySpan<byte> covered = [(byte)(address << 1), command, (byte)((address << 1) | 1), lsbMsbPec[0], lsbMsbPec[1]];
        if (Pec(covered) != lsbMsbPec[2])
        {
            why = DiscardReason.BadChecksum;
            return null;
        }

        if ((lsbMsbPec[1] & 0x80) != 0)
        {
            why = DiscardReason.Malformed;
            return null;
        }

        int raw = lsbMsbPec[0] | (lsbMsbPec[1] << 8);
        return (raw * 0.02m) - 273.15m;
    }
}
