namespace GateEdge.Devices.CardReaders.Osdp.Protocol;

/// <summary>A checked OSDP packet without secure channel: who sent it, its sequence number, code and data.</summary>
internal sealed record OsdpPacket(byte Address, bool IsReply, int Sequence, byte Code, byte[] Data)
{
    public const byte Poll = 0x60;
    public const byte IdReport = 0x61;
    public const byte Ack = 0x40;
    public const byte RawCardRead = 0x50;
}
