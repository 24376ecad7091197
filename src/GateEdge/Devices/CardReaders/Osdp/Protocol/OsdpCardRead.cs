namespace GateEdge.Devices.CardReaders.Osdp.Protocol;

/// <summary>The data of a raw card-read reply (code 50): reader number, format, bit count, the bits packed MSB first.</summary>
internal sealed record OsdpCardRead(byte Reader, byte Format, int BitCount, byte[] Bits)
{
    public static OsdpCardRead? TryParse(ReadOnlySpan<byte> data)
    {
        if (data.Length < 4)
        {
            return null;
        }

        int bits = data[2] | (data[3] << 8);
        var packed = data[4..];
        return bits == 0 || packed.Length != (bits + 7) / 8 ? null : new OsdpCardRead(data[0], data[1], bits, packed.ToArray());
    }
}
