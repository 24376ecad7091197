using GateEdge.Devices.Framing;

namespace GateEdge.Devices.CardReaders.Rdm6300.Protocol;

/// <summary>
/// RDM6300 frames (docs/protocols.md §2.2): <c>02</c>, ten ASCII hex tag characters, two ASCII hex
/// characters of the XOR of the five tag bytes, <c>03</c>. The reader sends them unsolicited.
/// </summary>
internal sealed class Rdm6300FrameDecoder : IFrameDecoder<Rdm6300Frame>
{
    private const byte Start = 0x02;
    private const byte End = 0x03;
    private const int Length = 14;

    public int MaxFrameLength => Length;

    public DecodeStatus Decode(ReadOnlySpan<byte> input, out Rdm6300Frame? frame, out int consumed, out DiscardReason reason)
    {
        frame = null;
        reason = DiscardReason.None;
        consumed = StartMarker.GarbageBefore(input, [Start]);
        if (consumed > 0)
        {
            reason = DiscardReason.Garbage;
            return DecodeStatus.Discarded;
        }

        if (input.Length < Length)
        {
            return DecodeStatus.NeedMoreData;
        }

        Span<byte> bytes = stackalloc byte[6];
        if (input[Length - 1] != End || !HexBytes(input.Slice(1, 12), bytes))
        {
            return Resync.PastFirstByte(DiscardReason.BadLength, out consumed, out reason);
        }

        if ((byte)(bytes[0] ^ bytes[1] ^ bytes[2] ^ bytes[3] ^ bytes[4]) != bytes[5])
        {
            return Resync.PastFirstByte(DiscardReason.BadChecksum, out consumed, out reason);
        }

        frame = new Rdm6300Frame(Convert.ToHexString(bytes[..5]));
        consumed = Length;
        return DecodeStatus.Frame;
    }

    private static bool HexBytes(ReadOnlySpan<byte> ascii, Span<byte> bytes)
    {
        for (int i = 0; i < bytes.Length; i++)
        {
            int high = Nibble(ascii[2 * i]);
            int low = Nibble(ascii[(2 * i) + 1]);
            if (high < 0 || low < 0)
            {
                return false;
            }

            bytes[i] = (byte)((high << 4) | low);
        }

        return true;
    }

    // Upper case only, as the reader sends it: a bit error that turns 'E' into 'e' is still an error.
    private static int Nibble(byte c) => c switch
    {
        >= (byte)'0' and <= (byte)'9' => c - '0',
        >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
        _ => -1,
    };
}
