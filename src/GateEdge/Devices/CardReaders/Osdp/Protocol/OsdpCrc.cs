namespace GateEdge.Devices.CardReaders.Osdp.Protocol;

/// <summary>OSDP CRC-16: polynomial 0x1021, initial 0x1D0F, not reflected, sent low byte first (docs/protocols.md §2.3).</summary>
internal static class OsdpCrc
{
    public static ushort Compute(ReadOnlySpan<byte> data)
    {
        ushort crc = 0x1D0F;
        foreach (byte b in data)
        {
            crc ^= (ushort)(b << 8);
            for (int bit = 0; bit < 8; bit++)
            {
                crc = (crc & 0x8000) != 0 ? (ushort)((crc << 1) ^ 0x1021) : (ushort)(crc << 1);
            }
        }

        return crc;
    }
}
