namespace GateEdge.Devices.Thermometers.Modbus.Protocol;

/// <summary>CRC-16/MODBUS: reflected polynomial 0xA001, initial 0xFFFF, sent low byte first (docs/protocols.md §3.3).</summary>
internal static class ModbusCrc
{
    public static ushort Compute(ReadOnlySpan<byte> data)
    {
        ushort crc = 0xFFFF;
        foreach (byte b in data)
        {
            crc ^= b;
            for (int bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (ushort)((crc >> 1) ^ 0xA001) : (ushort)(crc >> 1);
            }
        }

        return crc;
    }

    /// <summary>True when the last two bytes are the CRC of the rest, low byte first.</summary>
    public static bool Check(ReadOnlySpan<byte> frame) =>
        frame.Length >= 3 && Compute(frame[..^2]) == (ushort)(frame[^2] | (frame[^1] << 8));

    public static byte[] Append(ReadOnlySpan<byte> body)
    {
        var frame = new byte[body.Length + 2];
        body.CopyTo(frame);
        ushort crc = Compute(body);
        frame[^2] = (byte)crc;
        frame[^1] = (byte)(crc >> 8);
        return frame;
    }
}
