namespace GateEdge.Devices.CardReaders.Osdp.Protocol;

/// <summary>A checked OSDP packet without secure channel: who sent it, its sequence number, code and data.</summary>
/// <param name="Code">An <see cref="OsdpCommand"/> in a command, an <see cref="OsdpReply"/> in a reply.</param>
internal sealed record OsdpPacket(byte Address, bool IsReply, int Sequence, byte Code, byte[] Data)
{
    public bool Is(OsdpReply reply) => IsReply && Code == (byte)reply;

    public bool Is(OsdpCommand command) => !IsReply && Code == (byte)command;
}

/// <summary>The commands the gateway sends (OSDP v2 command codes).</summary>
internal enum OsdpCommand : byte
{
    Poll = 0x60,

    /// <summary>osdp_ID: asks the reader who it is (pinned by a golden vector; not sent in service).</summary>
    IdReport = 0x61,
}

/// <summary>The replies the gateway understands (OSDP v2 reply codes).</summary>
internal enum OsdpReply : byte
{
    Ack = 0x40,
    Nak = 0x41,
    RawCardRead = 0x50,
}

/// <summary>Where each field of a packet starts, counted from the <c>53</c> start byte (docs/protocols.md §2.3).</summary>
internal static class OsdpOffset
{
    public const int Start = 0;
    public const int Address = 1;
    public const int Length = 2;
    public const int Control = 4;
    public const int Code = 5;
    public const int Data = 6;
}
