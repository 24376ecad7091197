namespace GateEdge.Devices.Thermometers.Modbus.Protocol;

/// <summary>
/// A checked Modbus RTU reply: either the registers read, or the slave's exception code
/// (function with bit 7 set).
/// </summary>
internal sealed record ModbusReply(byte Address, byte Function, ushort[] Registers, byte? ExceptionCode)
{
    public bool IsException => ExceptionCode is not null;
}
