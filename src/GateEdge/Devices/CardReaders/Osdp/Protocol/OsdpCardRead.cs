namespace GateEdge.Devices.CardReaders.Osdp.Protocol;

/// <summary>The data of a raw card-read reply (code 50): reader number, format, bit count, the bits packed MSB first.</summary>
internal sealed record OsdpCardRead(byte Reader, byte Format, int BitCount, byte[] Bits)
{
    public static OsdpCardRead? TryParse(ReadOnlySpan<byte> data)
    {
        const int ReaderAt = 0, FormatAt = 1, BitCountAt = 2, BitsAt = 4;
        if (data.Length < BitsAt)
        {
            return null;
        }

        int bits = System.Buffers.Binary.BinaryPrimitives.ReadUInt16LittleEndian(data[BitCountAt..]);
        var packed = data[BitsAt..];
        return bits == 0 || packed.Length != (bits + 7) / 8 ? null : new OsdpCardRead(data[ReaderAt], data[FormatAt], bits, packed.ToArray());
    }
}
