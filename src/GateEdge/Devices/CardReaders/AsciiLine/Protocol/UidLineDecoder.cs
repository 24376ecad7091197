using System.Buffers.Binary;
using GateEdge.Devices.Framing;

namespace GateEdge.Devices.CardReaders.AsciiLine.Protocol;

/// <summary>
/// One UID per line (CR, LF or both end it). The line carries no checksum, so the only checks
/// possible are the character set, the length and the value's range; everything else about a
/// corrupted line is indistinguishable from another card.
/// </summary>
internal sealed class UidLineDecoder(UidLineFormat format) : IFrameDecoder<byte[]>
{
    // 20 digits hold any 8-byte value; a longer run without a line end is noise.
    private const int MaxLine = 20;

    public int MaxFrameLength => MaxLine + 2;

    public DecodeStatus Decode(ReadOnlySpan<byte> input, out byte[]? frame, out int consumed, out DiscardReason reason)
    {
        frame = null;
        reason = DiscardReason.None;
        consumed = 0;
        if (input.IsEmpty)
        {
            return DecodeStatus.NeedMoreData;
        }

        if (IsLineEnd(input[0]))
        {
            consumed = 1;
            return DecodeStatus.Discarded;
        }

        int end = input.IndexOfAny((byte)'\r', (byte)'\n');
        if (end < 0)
        {
            if (input.Length <= MaxLine)
            {
                return DecodeStatus.NeedMoreData;
            }

            // No line end where one must be: drop what cannot belong to a line still arriving.
            consumed = input.Length - MaxLine;
            reason = DiscardReason.Garbage;
            return DecodeStatus.Discarded;
        }

        consumed = end;
        if (end > MaxLine)
        {
            reason = DiscardReason.BadLength;
            return DecodeStatus.Discarded;
        }

        frame = Parse(input[..end], out reason);
        return frame is null ? DecodeStatus.Discarded : DecodeStatus.Frame;
    }

    /// <summary>The UID bytes in card order, or null with the reason the text is not a UID.</summary>
    internal byte[]? Parse(ReadOnlySpan<byte> text, out DiscardReason reason)
    {
        reason = DiscardReason.None;
        ulong value = 0;
        int maxDigits = format.Radix == UidRadix.Hex ? format.UidLength * 2 : 20;
        if (text.Length > maxDigits)
        {
            reason = DiscardReason.BadLength;
            return null;
        }

        foreach (byte c in text)
        {
            int digit = Digit(c);
            if (digit < 0 || (format.Radix == UidRadix.Decimal && digit > 9))
            {
                reason = DiscardReason.Malformed;
                return null;
            }

            int radix = format.Radix == UidRadix.Hex ? 16 : 10;
            if (value > (ulong.MaxValue - (ulong)digit) / (ulong)radix)
            {
                reason = DiscardReason.BadLength;
                return null;
            }

            value = (value * (ulong)radix) + (ulong)digit;
        }

        if (format.UidLength < 8 && value >> (format.UidLength * 8) != 0)
        {
            reason = DiscardReason.BadLength;
            return null;
        }

        var full = new byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(full, value);
        var uid = full[^format.UidLength..];
        if (format.ByteOrder == UidByteOrder.Reversed)
        {
            Array.Reverse(uid);
        }

        return uid;
    }

    private static bool IsLineEnd(byte b) => b is (byte)'\r' or (byte)'\n';

    private static int Digit(byte c) => c switch
    {
        >= (byte)'0' and <= (byte)'9' => c - '0',
        >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
        >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
        _ => -1,
    };
}
