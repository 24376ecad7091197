using System.Buffers.Binary;
using GateEdge.Devices.Framing;

namespace GateEdge.Devices.CardReaders.Osdp.Protocol;

/// <summary>Decodes OSDP packets with CRC, secure-channel packets with their security block and MAC; checksum-only packets are refused as unsupported.</summary>
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

        if (!withCrc)
        {
            // A whole packet with its own length, checksum-only, which a reader sends only when set
            // up for it. Skipped whole; resyncing inside it could find a false start.
            consumed = length;
            reason = DiscardReason.Unsupported;
            return DecodeStatus.Discarded;
        }

        byte address = input[OsdpOffset.Address];
        var packet = input[..(length - 2)];
        int code = OsdpOffset.Code;
        OsdpSecurity? security = null;
        if ((control & OsdpWire.SecurityFlag) != 0)
        {
            // 53 ADDR LEN LEN CTRL [SEC_LEN SEC_TYPE SEC_DATA…] code data… [MAC×4] CRC CRC
            int blockLength = packet[OsdpOffset.Code];
            byte type = packet.Length > OsdpOffset.Code + 1 ? packet[OsdpOffset.Code + 1] : (byte)0;
            int macLength = OsdpSecurityType.HasMac(type) ? OsdpSecureChannel.MacLength : 0;
            code = OsdpOffset.Code + blockLength;
            if (blockLength < 2 || type is < OsdpSecurityType.Challenge or > OsdpSecurityType.ReplyEncrypted || code + 1 + macLength > packet.Length)
            {
                consumed = length;
                reason = DiscardReason.Malformed;
                return DecodeStatus.Discarded;
            }

            security = new OsdpSecurity(type, packet[(OsdpOffset.Code + 2)..code].ToArray(), packet[(packet.Length - macLength)..].ToArray(),
                packet[..(packet.Length - macLength)].ToArray());
            packet = packet[..(packet.Length - macLength)];
        }

        frame = new OsdpPacket((byte)(address & 0x7F), (address & OsdpWire.ReplyBit) != 0, control & 0x03, packet[code], packet[(code + 1)..].ToArray(), security);
        consumed = length;
        return DecodeStatus.Frame;
    }
}
