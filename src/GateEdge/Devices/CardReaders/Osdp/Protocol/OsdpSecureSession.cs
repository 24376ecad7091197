namespace GateEdge.Devices.CardReaders.Osdp.Protocol;

/// <summary>
/// One open secure channel from the panel's side, pure: it wraps each command in a MAC that
/// continues the chain (and encrypts its data), and opens each reply only if its MAC continues the
/// chain from that command. A reply in clear, with a wrong MAC (forged, or replayed from earlier in
/// the chain) or with data that does not decrypt is refused with the reason, never read.
/// </summary>
internal sealed class OsdpSecureSession(OsdpSessionKeys keys, byte[] initialRMac)
{
    // The reader's last MAC (R-MAC-I at first): a command's MAC and encryption start from it.
    private byte[] _rMac = initialRMac;

    // Our last command's MAC: the reply's MAC and encryption start from it.
    private byte[] _cMac = new byte[16];

    /// <summary>A command of the session: <c>SCS_15</c>, or <c>SCS_17</c> with its data encrypted.</summary>
    public byte[] Command(byte address, int sequence, OsdpCommand code, ReadOnlySpan<byte> data = default)
    {
        bool encrypted = !data.IsEmpty;
        byte[] payload = encrypted ? OsdpSecureChannel.Encrypt(keys, _rMac, data) : [];
        return OsdpWire.SecureCommand(address, sequence, code, [2, encrypted ? OsdpSecurityType.CommandEncrypted : OsdpSecurityType.CommandMac], payload,
            message => _cMac = OsdpSecureChannel.Mac(keys, _rMac, message));
    }

    /// <summary>The data of a reply of this session (decrypted), or null with <paramref name="problem"/> saying why it cannot be trusted.</summary>
    public byte[]? Open(OsdpPacket reply, out string? problem)
    {
        if (reply.Security is not { } security || security.Type is not (OsdpSecurityType.ReplyMac or OsdpSecurityType.ReplyEncrypted))
        {
            problem = "a reply in clear from a reader that has a key";
            return null;
        }

        var mac = OsdpSecureChannel.Mac(keys, _cMac, security.Authenticated);
        if (!OsdpSecureChannel.Same(security.Mac, mac.AsSpan(0, OsdpSecureChannel.MacLength)))
        {
            problem = "a reply whose MAC does not continue the session (forged, replayed or not from this reader)";
            return null;
        }

        _rMac = mac;
        if (security.Type == OsdpSecurityType.ReplyMac)
        {
            problem = null;
            return reply.Data;
        }

        var data = reply.Data.Length == 0 ? [] : OsdpSecureChannel.Decrypt(keys, _cMac, reply.Data);
        problem = data is null ? "a reply whose encrypted data does not decrypt" : null;
        return data;
    }
}
