using System.Buffers.Binary;
using GateEdge.Devices.Framing;

namespace GateEdge.Devices.CardReaders.IdCard.Protocol;

/// <summary>Decodes SAM replies: preamble, Len, SW1 SW2 SW3, data, CHK (docs/protocols.md §1).</summary>
internal sealed class SamResponseDecoder : IFrameDecoder<SamResponse>
{
    // SW1..SW3 + CHK is the shortest reply; the largest documented one (text, photo and
    // 1024 fingerprint bytes) has Len 0x090A. Anything longer is noise, rejected before allocating.
    private const int MinLen = 4;
    private const int MaxLen = 0x0A00;

    public int MaxFrameLength => SamFrame.HeaderLength + MaxLen;

    public DecodeStatus Decode(ReadOnlySpan<byte> input, out SamResponse? frame, out int consumed, out DiscardReason reason)
    {
        frame = null;
        reason = DiscardReason.None;
        consumed = StartMarker.GarbageBefore(input, SamFrame.Preamble);
        if (consumed > 0)
        {
            reason = DiscardReason.Garbage;
            return DecodeStatus.Discarded;
        }

        if (input.Length < SamFrame.HeaderLength)
        {
            return DecodeStatus.NeedMoreData;
        }

        int len = BinaryPrimitives.ReadUInt16BigEndian(input[SamFrame.LenOffset..]);
        if (len is < MinLen or > MaxLen)
        {
            return Resync.PastFirstByte(DiscardReason.BadLength, out consumed, out reason);
        }

        int total = len + SamFrame.HeaderLength;
        if (input.Length < total)
        {
            return DecodeStatus.NeedMoreData;
        }

        if (SamFrame.Checksum(input[SamFrame.LenOffset..(total - 1)]) != input[total - 1])
        {
            return Resync.PastFirstByte(DiscardReason.BadChecksum, out consumed, out reason);
        }

        frame = new SamResponse((SamStatus)input[SamFrame.Sw3Offset], input[SamFrame.ReplyDataOffset..(total - 1)].ToArray());
        consumed = total;
        return DecodeStatus.Frame;
    }
}
