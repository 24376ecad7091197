namespace GateEdge.Devices.Thermometers.Modbus.Protocol;

/// <summary>Requests GateEdge sends to a Modbus RTU temperature head (docs/protocols.md §3.3).</summary>
internal static class ModbusRtu
{
    public const byte ReadHoldingRegisters = 0x03;

    public static byte[] ReadHolding(byte address, ushort register, ushort count) =>
        ModbusCrc.Append([address, ReadHoldingRegisters, (byte)(register >> 8), (byte)register, (byte)(count >> 8), (byte)count]);
}
