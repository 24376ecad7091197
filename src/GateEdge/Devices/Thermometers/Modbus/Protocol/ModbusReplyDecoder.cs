using GateEdge.Devices.Framing;

namespace GateEdge.Devices.Thermometers.Modbus.Protocol;

/// <summary>
/// Decodes replies to "read holding registers" and exception replies. RTU marks frames by
/// silence, which a stream does not carry, so the decoder checks the shape and CRC at each
/// offset and slides one byte on any mismatch.
/// </summary>
internal sealed class ModbusReplyDecoder : IFrameDecoder<ModbusReply>
{
    private const int MaxRegisters = 125;

    public int MaxFrameLength => 5 + (2 * MaxRegisters);

    // A reply: address, function, then the byte count and registers, or an exception code; CRC last.
    private const int AddressAt = 0, FunctionAt = 1, ByteCountAt = 2, ExceptionCodeAt = 2, RegistersAt = 3;
    private const int ExceptionReplyLength = 5;
    private const int CrcLength = 2;

    public DecodeStatus Decode(ReadOnlySpan<byte> input, out ModbusReply? frame, out int consumed, out DiscardReason reason)
    {
        frame = null;
        consumed = 0;
        reason = DiscardReason.None;
        if (input.Length <= FunctionAt)
        {
            return DecodeStatus.NeedMoreData;
        }

        byte function = input[FunctionAt];
        int length;
        if (function == (ModbusRtu.ReadHoldingRegisters | 0x80))
        {
            length = ExceptionReplyLength;
        }
        else if (function == ModbusRtu.ReadHoldingRegisters)
        {
            if (input.Length <= ByteCountAt)
            {
                return DecodeStatus.NeedMoreData;
            }

            int byteCount = input[ByteCountAt];
            if (byteCount == 0 || byteCount % 2 != 0 || byteCount > 2 * MaxRegisters)
            {
                return Resync.PastFirstByte(DiscardReason.BadLength, out consumed, out reason);
            }

            length = RegistersAt + byteCount + CrcLength;
        }
        else
        {
            return Resync.PastFirstByte(DiscardReason.Garbage, out consumed, out reason);
        }

        if (input.Length < length)
        {
            return DecodeStatus.NeedMoreData;
        }

        if (!ModbusCrc.Check(input[..length]))
        {
            return Resync.PastFirstByte(DiscardReason.BadChecksum, out consumed, out reason);
        }

        frame = function == ModbusRtu.ReadHoldingRegisters
            ? new ModbusReply(input[AddressAt], function, Registers(input.Slice(RegistersAt, input[ByteCountAt])), null)
            : new ModbusReply(input[AddressAt], function, [], input[ExceptionCodeAt]);
        consumed = length;
        return DecodeStatus.Frame;
    }

    private static ushort[] Registers(ReadOnlySpan<byte> data)
    {
        var registers = new ushort[data.Length / 2];
        for (int i = 0; i < registers.Length; i++)
        {
            registers[i] = (ushort)((data[2 * i] << 8) | data[(2 * i) + 1]);
        }

        return registers;
    }
}
