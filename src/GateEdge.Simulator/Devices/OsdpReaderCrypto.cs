using System.Security.Cryptography;

namespace GateEdge.Simulator.Devices;

/// <summary>
/// The simulated OSDP reader's own wire and cryptography, written from the SIA OSDP 2.2 text and
/// not from the gateway's codec: packets with CRC-16/AUG-CCITT and an optional security block,
/// session keys, the MAC chain, and data encryption (AES-128).
/// </summary>
internal static class OsdpReaderCrypto
{
    public static readonly byte[] DefaultKey = [.. Enumerable.Range(0x30, 16).Select(b => (byte)b)];

    /// <summary>A checked packet: the security block's type (0 without one) and data, the MAC it ends with, and the bytes from 53 that the MAC covers.</summary>
    internal sealed record Packet(byte Address, int Sequence, byte Code, byte[] Data, byte SecurityType, byte[] SecurityData, byte[] Mac, byte[] Authenticated);

    internal sealed record Keys(byte[] Enc, byte[] Mac1, byte[] Mac2);

    /// <summary>Takes the next whole packet with a good CRC off the front of <paramref name="pending"/>, skipping noise.</summary>
    public static Packet? TryTakePacket(List<byte> pending)
    {
        while (true)
        {
            int start = pending.IndexOf(0x53);
            if (start < 0)
            {
                pending.Clear();
                return null;
            }

            pending.RemoveRange(0, start);
            if (pending.Count < 8)
            {
                return null;
            }

            int length = pending[2] | (pending[3] << 8);
            if (length < 8 || length > 1440)
            {
                pending.RemoveAt(0);
                continue;
            }

            if (pending.Count < length)
            {
                return null;
            }

            var packet = pending.GetRange(0, length).ToArray();
            if (Crc(packet.AsSpan(0, length - 2)) != (ushort)(packet[^2] | (packet[^1] << 8)))
            {
                pending.RemoveAt(0);
                continue;
            }

            pending.RemoveRange(0, length);
            int code = 5;
            byte type = 0;
            byte[] block = [];
            int macLength = 0;
            if ((packet[4] & 0x08) != 0)
            {
                code = 5 + packet[5];
                type = packet[6];
                block = packet[7..code];
                macLength = type >= 0x15 ? 4 : 0;
            }

            int end = length - 2 - macLength;
            if (code >= end)
            {
                continue;
            }

            return new Packet(packet[1], packet[4] & 0x03, packet[code], packet[(code + 1)..end], type, block, packet[end..(length - 2)], packet[..end]);
        }
    }

    /// <summary>A reply: mark, header, optional security block, code, data, the MAC <paramref name="mac"/> makes of it, CRC.</summary>
    public static byte[] Build(byte to, int sequence, byte code, byte[] data, byte[]? block = null, Func<byte[], byte[]>? mac = null)
    {
        block ??= [];
        var body = new List<byte> { 0x53, to, 0, 0, (byte)(0x04 | (block.Length > 0 ? 0x08 : 0) | sequence) };
        body.AddRange(block);
        body.Add(code);
        body.AddRange(data);
        int length = body.Count + (mac is null ? 0 : 4) + 2;
        body[2] = (byte)length;
        body[3] = (byte)(length >> 8);
        if (mac is not null)
        {
            body.AddRange(mac([.. body])[..4]);
        }

        ushort crc = Crc([.. body]);
        return [0xFF, .. body, (byte)crc, (byte)(crc >> 8)];
    }

    public static Keys SessionKeys(byte[] scbk, byte[] rndA) => new(Derive(scbk, 0x82, rndA), Derive(scbk, 0x01, rndA), Derive(scbk, 0x02, rndA));

    /// <summary>CBC-MAC: S-MAC1 through all but the last block, S-MAC2 on the last, padded 80 00… when short.</summary>
    public static byte[] Mac(Keys keys, byte[] chain, byte[] message)
    {
        var iv = (byte[])chain.Clone();
        int blocks = Math.Max(1, (message.Length + 15) / 16);
        for (int b = 0; b < blocks; b++)
        {
            var block = new byte[16];
            int take = Math.Min(16, message.Length - (b * 16));
            Array.Copy(message, b * 16, block, 0, Math.Max(0, take));
            if (take < 16)
            {
                block[Math.Max(0, take)] = 0x80;
            }

            for (int i = 0; i < 16; i++)
            {
                block[i] ^= iv[i];
            }

            iv = Ecb(b == blocks - 1 ? keys.Mac2 : keys.Mac1, block);
        }

        return iv;
    }

    public static byte[] Encrypt(byte[] key, byte[] chain, byte[] data)
    {
        var padded = new byte[((data.Length / 16) + 1) * 16];
        data.CopyTo(padded, 0);
        padded[data.Length] = 0x80;
        using var aes = Aes.Create();
        aes.Key = key;
        return aes.EncryptCbc(padded, chain.Select(b => (byte)~b).ToArray(), PaddingMode.None);
    }

    public static byte[]? Decrypt(byte[] key, byte[] chain, byte[] data)
    {
        if (data.Length == 0 || data.Length % 16 != 0)
        {
            return null;
        }

        using var aes = Aes.Create();
        aes.Key = key;
        var plain = aes.DecryptCbc(data, chain.Select(b => (byte)~b).ToArray(), PaddingMode.None);
        int end = Array.FindLastIndex(plain, b => b != 0);
        return end >= 0 && plain[end] == 0x80 ? plain[..end] : null;
    }

    public static byte[] Ecb(byte[] key, byte[] block)
    {
        using var aes = Aes.Create();
        aes.Key = key;
        return aes.EncryptEcb(block, PaddingMode.None);
    }

    public static bool Equal(byte[] a, byte[] b) => CryptographicOperations.FixedTimeEquals(a, b);

    public static byte[] Random(int length) => RandomNumberGenerator.GetBytes(length);

    private static byte[] Derive(byte[] scbk, byte kind, byte[] rndA) => Ecb(scbk, [0x01, kind, .. rndA[..6], 0, 0, 0, 0, 0, 0, 0, 0]);

    /// <summary>CRC-16/AUG-CCITT as OSDP uses it: table-driven here, bitwise in the gateway.</summary>
    public static ushort Crc(ReadOnlySpan<byte> data)
    {
        ushort crc = 0x1D0F;
        foreach (byte b in data)
        {
            crc = (ushort)((crc << 8) ^ Table[((crc >> 8) ^ b) & 0xFF]);
        }

        return crc;
    }

    private static readonly ushort[] Table = [.. Enumerable.Range(0, 256).Select(i =>
    {
        ushort value = (ushort)(i << 8);
        for (int bit = 0; bit < 8; bit++)
        {
            value = (value & 0x8000) != 0 ? (ushort)((value << 1) ^ 0x1021) : (ushort)(value << 1);
        }

        return value;
    })];
}
