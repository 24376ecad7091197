namespace GateEdge.Devices.CardReaders.Osdp.Protocol;

/// <summary>A checked OSDP packet: who sent it, its sequence number, code and data, and its security block if it has one.</summary>
/// <param name="Code">An <see cref="OsdpCommand"/> in a command, an <see cref="OsdpReply"/> in a reply.</param>
/// <param name="Data">As on the wire: still encrypted in an <c>SCS_17</c>/<c>SCS_18</c> packet.</param>
internal sealed record OsdpPacket(byte Address, bool IsReply, int Sequence, byte Code, byte[] Data, OsdpSecurity? Security = null)
{
    public bool Is(OsdpReply reply) => IsReply && Code == (byte)reply;

    public bool Is(OsdpCommand command) => !IsReply && Code == (byte)command;
}

/// <summary>The commands the gateway sends (OSDP v2 command codes).</summary>
internal enum OsdpCommand : byte
{
    Poll = 0x60,

    /// <summary>osdp_KEYSET: gives the reader its secure channel key (in install mode, over a session on the default key).</summary>
    KeySet = 0x75,

    /// <summary>osdp_CHLNG: opens a secure channel with the panel's random.</summary>
    Challenge = 0x76,

    /// <summary>osdp_SCRYPT: the panel's cryptogram.</summary>
    ServerCryptogram = 0x77,

    /// <summary>osdp_ID: asks the reader who it is, once a connection (its answer is osdp_PDID).</summary>
    IdReport = 0x61,
}

/// <summary>The replies the gateway understands (OSDP v2 reply codes).</summary>
internal enum OsdpReply : byte
{
    Ack = 0x40,
    Nak = 0x41,
    RawCardRead = 0x50,

    /// <summary>osdp_PDID: who the reader is (<see cref="OsdpReaderIdentity"/>).</summary>
    PdId = 0x45,

    /// <summary>osdp_LSTATR: the reader's tamper and power status, sent in answer to a poll when either changed.</summary>
    LocalStatus = 0x48,

    /// <summary>osdp_CCRYPT: the reader's id, random and cryptogram.</summary>
    ClientCryptogram = 0x76,

    /// <summary>osdp_RMAC_I: the first R-MAC, which opens the MAC chain.</summary>
    InitialRMac = 0x78,
}

/// <summary>The security control block types (SIA OSDP 2.2, 5.7): 11–14 the handshake, 15–18 the session.</summary>
internal static class OsdpSecurityType
{
    public const byte Challenge = 0x11;
    public const byte ClientCryptogram = 0x12;
    public const byte ServerCryptogram = 0x13;
    public const byte InitialRMac = 0x14;
    public const byte CommandMac = 0x15;
    public const byte ReplyMac = 0x16;
    public const byte CommandEncrypted = 0x17;
    public const byte ReplyEncrypted = 0x18;

    /// <summary>A session packet, which carries a MAC.</summary>
    public static bool HasMac(byte type) => type is >= CommandMac and <= ReplyEncrypted;
}

/// <summary>
/// The security block of a packet: its type, its data byte(s) (in the handshake, 00 for the default
/// key, 01 for the reader's own), the four MAC bytes a session packet ends with (empty in the
/// handshake), and the bytes that MAC covers: the packet from <c>53</c> through its data.
/// </summary>
internal sealed record OsdpSecurity(byte Type, byte[] BlockData, byte[] Mac, byte[] Authenticated);

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
