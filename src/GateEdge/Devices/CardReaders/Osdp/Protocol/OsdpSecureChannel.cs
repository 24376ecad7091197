using System.Security.Cryptography;

namespace GateEdge.Devices.CardReaders.Osdp.Protocol;

/// <summary>
/// The cryptography of OSDP Secure Channel (SIA OSDP 2.2, section 5.7 and Annex D), pure: the
/// session keys a challenge derives from the reader's key, the two cryptograms each side proves
/// itself with, the MAC chain and the data encryption. AES-128 throughout; pinned to the Annex E
/// vectors (docs/protocols.md §2.3, "Secure Channel"). Comparisons of secrets are constant-time.
/// </summary>
internal static class OsdpSecureChannel
{
    public const int KeyLength = 16;
    public const int RandomLength = 8;
    public const int MacLength = 4;
    private const byte EndOfMessage = 0x80;

    /// <summary>SCBK-D, the default key a reader in install mode accepts: 30 31 … 3F.</summary>
    public static ReadOnlySpan<byte> DefaultKey => [0x30, 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39, 0x3A, 0x3B, 0x3C, 0x3D, 0x3E, 0x3F];

    /// <summary>
    /// The session keys for one challenge: each is AES-ECB(SCBK, 01 ‖ kind ‖ RND.A[0..5] ‖ 00×8),
    /// kind 82 for S-ENC, 01 for S-MAC1, 02 for S-MAC2.
    /// </summary>
    public static OsdpSessionKeys SessionKeys(ReadOnlySpan<byte> scbk, ReadOnlySpan<byte> rndA) =>
        new(Derive(scbk, 0x82, rndA), Derive(scbk, 0x01, rndA), Derive(scbk, 0x02, rndA));

    /// <summary>What the reader proves it holds the key with (in <c>osdp_CCRYPT</c>): AES-ECB(S-ENC, RND.A ‖ RND.B).</summary>
    public static byte[] ClientCryptogram(OsdpSessionKeys keys, ReadOnlySpan<byte> rndA, ReadOnlySpan<byte> rndB) => keys.EncCipher.EncryptEcb([.. rndA, .. rndB], PaddingMode.None);

    /// <summary>What the control panel proves it holds the key with (in <c>osdp_SCRYPT</c>): AES-ECB(S-ENC, RND.B ‖ RND.A).</summary>
    public static byte[] ServerCryptogram(OsdpSessionKeys keys, ReadOnlySpan<byte> rndA, ReadOnlySpan<byte> rndB) => keys.EncCipher.EncryptEcb([.. rndB, .. rndA], PaddingMode.None);

    /// <summary>The first R-MAC (in <c>osdp_RMAC_I</c>), which starts the MAC chain: AES-ECB(S-MAC2, AES-ECB(S-MAC1, server cryptogram)).</summary>
    public static byte[] InitialRMac(OsdpSessionKeys keys, ReadOnlySpan<byte> serverCryptogram) => keys.Mac2Cipher.EncryptEcb(keys.Mac1Cipher.EncryptEcb(serverCryptogram, PaddingMode.None), PaddingMode.None);

    /// <summary>
    /// The MAC of a message from its start byte through its (encrypted) data: AES-CBC with S-MAC1
    /// from <paramref name="chain"/> (the other side's last MAC) over every block but the last,
    /// the last, padded with 80 00… when short, with S-MAC2. The wire carries its first four bytes;
    /// all sixteen chain on.
    /// </summary>
    public static byte[] Mac(OsdpSessionKeys keys, ReadOnlySpan<byte> chain, ReadOnlySpan<byte> message)
    {
        int blocks = Math.Max(1, (message.Length + 15) / 16);
        Span<byte> iv = stackalloc byte[16];
        chain.CopyTo(iv);
        Span<byte> block = stackalloc byte[16];
        for (int i = 0; i < blocks - 1; i++)
        {
            Xor(message.Slice(i * 16, 16), iv, block);
            keys.Mac1Cipher.EncryptEcb(block, iv, PaddingMode.None);
        }

        var last = message[((blocks - 1) * 16)..];
        block.Clear();
        last.CopyTo(block);
        if (last.Length < 16)
        {
            block[last.Length] = EndOfMessage;
        }

        Xor(block, iv, block);
        return keys.Mac2Cipher.EncryptEcb(block, PaddingMode.None);
    }

    /// <summary>Data encrypted for the wire: padded with 80 00… to whole blocks (always at least the 80), AES-CBC with S-ENC from the complement of <paramref name="chain"/>.</summary>
    public static byte[] Encrypt(OsdpSessionKeys keys, ReadOnlySpan<byte> chain, ReadOnlySpan<byte> data)
    {
        var padded = new byte[(data.Length / 16 + 1) * 16];
        data.CopyTo(padded);
        padded[data.Length] = EndOfMessage;
        return keys.EncCipher.EncryptCbc(padded, Complement(chain), PaddingMode.None);
    }

    /// <summary>The data of an encrypted block, or null when it is not whole blocks or its padding is wrong (a forged or damaged message).</summary>
    public static byte[]? Decrypt(OsdpSessionKeys keys, ReadOnlySpan<byte> chain, ReadOnlySpan<byte> encrypted)
    {
        if (encrypted.Length == 0 || encrypted.Length % 16 != 0)
        {
            return null;
        }

        var plain = keys.EncCipher.DecryptCbc(encrypted, Complement(chain), PaddingMode.None);
        int end = plain.Length - 1;
        while (end > 0 && plain[end] == 0)
        {
            end--;
        }

        return plain[end] == EndOfMessage ? plain[..end] : null;
    }

    /// <summary>Whether a cryptogram or MAC received equals the one expected, in time that does not depend on where they differ.</summary>
    public static bool Same(ReadOnlySpan<byte> received, ReadOnlySpan<byte> expected) =>
        received.Length == expected.Length && CryptographicOperations.FixedTimeEquals(received, expected);

    /// <summary>A reader's new key (install mode), from the operating system's CSPRNG.</summary>
    public static byte[] NewKey() => RandomNumberGenerator.GetBytes(KeyLength);

    /// <summary>A challenge random from the operating system's CSPRNG.</summary>
    public static byte[] NewRandom() => RandomNumberGenerator.GetBytes(RandomLength);

    private static byte[] Derive(ReadOnlySpan<byte> scbk, byte kind, ReadOnlySpan<byte> rndA)
    {
        Span<byte> input = stackalloc byte[16];
        input.Clear();
        input[0] = 0x01;
        input[1] = kind;
        rndA[..6].CopyTo(input[2..]);
        return Ecb(scbk, input);
    }

    /// <summary>One block under a key used once (deriving the session keys).</summary>
    private static byte[] Ecb(ReadOnlySpan<byte> key, ReadOnlySpan<byte> block)
    {
        using var aes = Aes.Create();
        aes.Key = key.ToArray();
        return aes.EncryptEcb(block, PaddingMode.None);
    }

    private static byte[] Complement(ReadOnlySpan<byte> chain)
    {
        var iv = new byte[16];
        for (int i = 0; i < 16; i++)
        {
            iv[i] = (byte)~chain[i];
        }

        return iv;
    }

    private static void Xor(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, Span<byte> into)
    {
        for (int i = 0; i < 16; i++)
        {
            into[i] = (byte)(a[i] ^ b[i]);
        }
    }
}

/// <summary>
/// The three keys of one secure session: S-ENC encrypts data, S-MAC1 and S-MAC2 make the MAC chain.
/// Each has one cipher for the session's life, so a poll's MACs and data set up no key schedule.
/// Used by one bus thread at a time.
/// </summary>
internal sealed record OsdpSessionKeys(byte[] Enc, byte[] Mac1, byte[] Mac2)
{
    private Aes? _enc;
    private Aes? _mac1;
    private Aes? _mac2;

    public Aes EncCipher => _enc ??= Cipher(Enc);

    public Aes Mac1Cipher => _mac1 ??= Cipher(Mac1);

    public Aes Mac2Cipher => _mac2 ??= Cipher(Mac2);

    private static Aes Cipher(byte[] key)
    {
        var aes = Aes.Create();
        aes.Key = key;
        return aes;
    }
}
