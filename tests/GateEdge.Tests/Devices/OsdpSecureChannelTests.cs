using GateEdge.Devices.CardReaders.Osdp.Protocol;
using GateEdge.Tests.Support;

namespace GateEdge.Tests.Devices;

/// <summary>
/// OSDP Secure Channel pinned to published vectors: SIA OSDP 2.2 Annex E (the default key, the
/// randoms, the session keys, both cryptograms and the first R-MAC, as libosdp's
/// tests/unit-tests/test-sc-sia-vectors.c reproduces them), and NIST SP 800-38A F.2.1 AES-128-CBC
/// for the MAC chain and the data encryption (as libosdp's test-sc.c uses them).
/// </summary>
public sealed class OsdpSecureChannelTests
{
    private static readonly byte[] RndA = Hex.Bytes("B0B1B2B3B4B5B6B7");
    private static readonly byte[] RndB = Hex.Bytes("A0A1A2A3A4A5A6A7");

    // NIST SP 800-38A F.2.1.
    private static readonly byte[] NistKey = Hex.Bytes("2B7E151628AED2A6ABF7158809CF4F3C");
    private static readonly byte[] NistIv = Hex.Bytes("000102030405060708090A0B0C0D0E0F");
    private static readonly byte[] NistPlain = Hex.Bytes(
        "6BC1BEE22E409F96E93D7E117393172A" + "AE2D8A571E03AC9C9EB76FAC45AF8E51" + "30C81C46A35CE411E5FBC1191A0A52EF" + "F69F2445DF4F9B17AD2B417BE66C3710");

    [Fact]
    public void The_default_key_is_30_to_3F()
    {
        Assert.Equal("303132333435363738393A3B3C3D3E3F", Convert.ToHexString(OsdpSecureChannel.DefaultKey));
    }

    [Fact]
    public void Annex_E_session_keys_from_the_default_key_and_the_panels_random()
    {
        var keys = OsdpSecureChannel.SessionKeys(OsdpSecureChannel.DefaultKey, RndA);

        Assert.Equal("BF8DC2A8329ACB8C67C6D0CD9A451682", Convert.ToHexString(keys.Enc));
        Assert.Equal("5E86C676603BDEE2D8BEAFE178637332", Convert.ToHexString(keys.Mac1));
        Assert.Equal("6FDA86E857777E81132035758239172E", Convert.ToHexString(keys.Mac2));
    }

    [Fact]
    public void Annex_E_cryptograms_and_the_first_r_mac()
    {
        var keys = OsdpSecureChannel.SessionKeys(OsdpSecureChannel.DefaultKey, RndA);

        var client = OsdpSecureChannel.ClientCryptogram(keys, RndA, RndB);
        var server = OsdpSecureChannel.ServerCryptogram(keys, RndA, RndB);

        Assert.Equal("FDE5D2F428EC16312471EA3C02BD7796", Convert.ToHexString(client));
        Assert.Equal("26D3356E07762D262801FC8E6665A891", Convert.ToHexString(server));
        Assert.Equal("B2A30057EB98BA2229EC1F875662B524", Convert.ToHexString(OsdpSecureChannel.InitialRMac(keys, server)));
    }

    [Theory]
    [InlineData(16, "7649ABAC8119B246CEE98E9B12E9197D")]   // one whole block: its CBC ciphertext
    [InlineData(64, "3FF1CAA1681FAC09120ECA307586E1A7")]   // four blocks: the last CBC ciphertext
    public void The_mac_of_whole_blocks_is_the_last_cbc_block(int length, string mac)
    {
        var keys = new OsdpSessionKeys(new byte[16], NistKey, NistKey);

        Assert.Equal(mac, Convert.ToHexString(OsdpSecureChannel.Mac(keys, NistIv, NistPlain.AsSpan(0, length))));
    }

    [Fact]
    public void The_mac_of_a_short_block_pads_it_with_80()
    {
        var keys = new OsdpSessionKeys(new byte[16], NistKey, NistKey);

        Assert.Equal("C5311F3D23D086EA86F5EE7F85247B40", Convert.ToHexString(OsdpSecureChannel.Mac(keys, NistIv, Hex.Bytes("000102030405060708090A0B0C0D0E"))));
    }

    [Theory]
    [InlineData("000102030405060708090A0B0C0D0E", "C5311F3D23D086EA86F5EE7F85247B40")]
    [InlineData("000102030405060708090A0B0C0D0E0F", "7DF76B0C1AB899B33E42F047B91B546FE2FE5BD6C1DFCDD19124F03E1A134D3B")]
    [InlineData("", "4C08220C79D9191022DC6674874CEAF8")]
    public void Data_is_padded_with_80_and_encrypted_from_the_complement_of_the_chain(string plain, string encrypted)
    {
        var keys = new OsdpSessionKeys(NistKey, new byte[16], new byte[16]);
        var chain = NistIv.Select(b => (byte)~b).ToArray();

        var cipher = OsdpSecureChannel.Encrypt(keys, chain, Hex.Bytes(plain));

        Assert.Equal(encrypted, Convert.ToHexString(cipher));
        Assert.Equal(plain, Convert.ToHexString(OsdpSecureChannel.Decrypt(keys, chain, cipher)!));
    }

    [Fact]
    public void Data_that_is_not_whole_blocks_or_lacks_its_end_marker_is_refused()
    {
        var keys = new OsdpSessionKeys(NistKey, new byte[16], new byte[16]);
        var chain = new byte[16];

        Assert.Null(OsdpSecureChannel.Decrypt(keys, chain, new byte[15]));
        Assert.Null(OsdpSecureChannel.Decrypt(keys, chain, []));
        // Whole blocks whose plaintext ends in neither 80 nor 80 00…: a forgery or the wrong key.
        Assert.Null(OsdpSecureChannel.Decrypt(keys, chain, OsdpSecureChannel.Encrypt(keys, Enumerable.Repeat((byte)1, 16).ToArray(), [1, 2, 3])));
    }

    [Fact]
    public void Randoms_differ_each_time()
    {
        Assert.NotEqual(OsdpSecureChannel.NewRandom(), OsdpSecureChannel.NewRandom());
    }
}
