using System.Buffers.Binary;
using GateEdge.Devices.Framing;

namespace GateEdge.Devices.Thermometers.SerialIr.Protocol;

internal sealed class GyFrameDecoder : IFrameDecoder<GyFrame>
{
    public int MaxFrameLength => GyProtocol.FrameLength;

    public DecodeStatus Decode(ReadOnlySpan<byte> input, out GyFrame? frame, out int consumed, out DiscardReason reason)
    {
        frame = null;
        reason = DiscardReason.None;
        consumed = StartMarker.GarbageBefore(input, GyProtocol.Header);
        if (consumed > 0)
        {
            reason = DiscardReason.Garbage;
            return DecodeStatus.Discarded;
        }

        if (input.Length < 4)
        {
            return DecodeStatus.NeedMoreData;
        }

        // Only the temperature frame is spoken here; any other type or length is noise.
        if (input[2] != GyProtocol.TemperatureType || input[3] != GyProtocol.TemperatureDataLength)
        {
            return Resync.PastFirstByte(DiscardReason.BadLength, out consumed, out reason);
        }

        if (input.Length < GyProtocol.FrameLength)
        {
            return DecodeStatus.NeedMoreData;
        }

        if (GyProtocol.Sum(input[..8]) != input[8])
        {
            return Resync.PastFirstByte(DiscardReason.BadChecksum, out consumed, out reason);
        }

        frame = new GyFrame(
            BinaryPrimitives.ReadInt16BigEndian(input[4..]) / 100m,
            BinaryPrimitives.ReadInt16BigEndian(input[6..]) / 100m);
        consumed = GyProtocol.FrameLength;
        return DecodeStatus.Frame;
    }
}
