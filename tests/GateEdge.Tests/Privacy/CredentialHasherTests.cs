using System.Security.Cryptography;
using System.Text;
using GateEdge.Devices.CardReaders;
using GateEdge.Privacy;

namespace GateEdge.Tests.Privacy;

public sealed class CredentialHasherTests
{
    private static readonly Credential Zhang = new(CredentialKind.NationalId, "11010519491231002X");

    [Fact]
    public void The_hash_is_the_documented_HMAC_and_ignores_the_case_of_the_check_character()
    {
        var key = Encoding.UTF8.GetBytes("deployment key");
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes("national-id:11010519491231002X")));

        Assert.Equal(expected, new CredentialHasher(key).Hash(Zhang));
        Assert.Equal(expected, new CredentialHasher(key).Hash(Zhang with { Number = "11010519491231002x" }));
    }

    [Fact]
    public void Another_deployment_or_another_kind_of_card_gives_another_hash_and_no_key_gives_none()
    {
        var one = new CredentialHasher(Encoding.UTF8.GetBytes("deployment one"));
        var two = new CredentialHasher(Encoding.UTF8.GetBytes("deployment two"));

        Assert.NotEqual(one.Hash(Zhang), two.Hash(Zhang));
        Assert.NotEqual(one.Hash(Zhang), one.Hash(Zhang with { Kind = CredentialKind.CompoundCard }));
        Assert.Null(new CredentialHasher(null).Hash(Zhang));
    }
}
