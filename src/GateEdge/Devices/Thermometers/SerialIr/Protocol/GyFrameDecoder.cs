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

        if (input.Length <= GyProtocol.DataLengthOffset)
        {
            return DecodeStatus.NeedMoreData;
        }

        // Only the temperature frame is spoken here; any other type or length is noise.
        if (input[GyProtocol.TypeOffset] != GyProtocol.TemperatureType || input[GyProtocol.DataLengthOffset] != GyProtocol.TemperatureDataLength)
        {
            return Resync.PastFirstByte(DiscardReason.BadLength, out consumed, out reason);
        }

        if (input.Length < GyProtocol.FrameLength)
        {
            return DecodeStatus.NeedMoreData;
        }

        if (GyProtocol.Sum(input[..GyProtocol.SumOffset]) != input[GyProtocol.SumOffset])
        {
            return Resync.PastFirstByte(DiscardReason.BadChecksum, out consumed, out reason);
        }

        frame = new GyFrame(
            BinaryPrimitives.ReadInt16BigEndian(input[GyProtocol.ObjectOffset..]) / 100m,
            BinaryPrimitives.ReadInt16BigEndian(input[GyProtocol.AmbientOffset..]) / 100m);
        consumed = GyProtocol.FrameLength;
        return DecodeStatus.Frame;
    }
}
