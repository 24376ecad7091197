using System.Buffers.Binary;
using GateEdge.Devices.Framing;

namespace GateEdge.Devices.CardReaders.Osdp.Protocol;

/// <summary>Decodes OSDP packets with CRC; checksum-only and secure-channel packets are refused as unsupported.</summary>
internal sealed class OsdpPacketDecoder : IFrameDecoder<OsdpPacket>
{
    private const int MinLength = 8;
    private const int MaxLength = 1440;

    public int MaxFrameLength => MaxLength + 1;

    public DecodeStatus Decode(ReadOnlySpan<byte> input, out OsdpPacket? frame, out int consumed, out DiscardReason reason)
    {
        frame = null;
        reason = DiscardReason.None;
        consumed = StartMarker.GarbageBefore(input, [OsdpWire.Start]);
        if (consumed > 0)
        {
            // The FF mark before 53 is line conditioning, not part of the packet, and not noise either.
            reason = consumed == 1 && input[0] == OsdpWire.Mark ? DiscardReason.None : DiscardReason.Garbage;
            return DecodeStatus.Discarded;
        }

        if (input.Length < 4)
        {
            return DecodeStatus.NeedMoreData;
        }

        // 53 ADDR LEN-lo LEN-hi CTRL code data… CRC-lo CRC-hi
        int length = BinaryPrimitives.ReadUInt16LittleEndian(input[OsdpOffset.Length..]);
        if (length is < MinLength or > MaxLength)
        {
            return Resync.PastFirstByte(DiscardReason.BadLength, out consumed, out reason);
        }

        if (input.Length < length)
        {
            return DecodeStatus.NeedMoreData;
        }

        byte control = input[OsdpOffset.Control];
        bool withCrc = (control & OsdpWire.CrcFlag) != 0;
        if (withCrc && OsdpCrc.Compute(input[..(length - 2)]) != BinaryPrimitives.ReadUInt16LittleEndian(input[(length - 2)..]))
        {
            return Resync.PastFirstByte(DiscardReason.BadChecksum, out consumed, out reason);
        }

        if (!withCrc || (control & OsdpWire.SecurityFlag) != 0)
        {
            // A whole packet with its own length: checksum-only or secure channel, which a reader
            // sends only when set up for it. Skipped whole; resyncing inside it could find a false start.
            consumed = length;
            reason = DiscardReason.Unsupported;
            return DecodeStatus.Discarded;
        }

        byte address = input[OsdpOffset.Address];
        frame = new OsdpPacket((byte)(address & 0x7F), (address & OsdpWire.ReplyBit) != 0, control & 0x03, input[OsdpOffset.Code], input[OsdpOffset.Data..(length - 2)].ToArray());
        consumed = length;
        return DecodeStatus.Frame;
    }
}
