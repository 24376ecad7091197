using System.Security.Cryptography;
using System.Text;
using GateEdge.Trust;

namespace GateEdge.Tests.Trust;

/// <summary>The centre's signature over the exact bytes it sends, checked with its public key only.</summary>
public sealed class SignedMessageTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gateedge-keys-").FullName;

    [Fact]
    public void A_message_signed_by_a_centre_key_opens_to_its_exact_body_and_any_change_refuses_it()
    {
        var (signer, keys) = Centre("centre-1");
        var body = "{\"schema\":\"gateedge.command/2\",\"operator\":\"王主任|ambulance\",\"reason\":\"bed 3\"}"u8.ToArray();
        var message = signer.Sign(body);

        Assert.Equal(body, keys.Open(message).Body.ToArray());
        for (int i = 0; i < message.Length; i++)
        {
            var changed = (byte[])message.Clone();
            changed[i] ^= 0x01;
            Assert.True(keys.Open(changed).Refused is not null || changed.AsSpan(changed.AsSpan().IndexOf((byte)'\n') + 1).SequenceEqual(body),
                $"byte {i} changed and the message still opened to another body");
        }
    }

    [Theory]
    [InlineData("no newline at all", "no signature line")]
    [InlineData("{\"kid\":\"centre-1\"}\n{}", "sig is not base64 of a DER ECDSA signature")]
    [InlineData("{\"kid\":\"centre-1\",\"sig\":\"AAAA\",\"kid\":\"x\"}\n{}", "kid and sig are strings, each given once")]
    [InlineData("{\"kid\":\"centre-1\",\"sig\":\"AAAA\",\"alg\":\"none\"}\n{}", "the signature line holds only kid and sig")]
    [InlineData("{\"kid\":null,\"sig\":\"AAAA\"}\n{}", "kid and sig are strings, each given once")]
    [InlineData("[1]\n{}", "the signature line is not a JSON object")]
    [InlineData("{\"kid\":\"centre-1\",\"sig\":\"MEUCIQ==\"}\n{}", "the signature is not a DER ECDSA signature")]
    [InlineData("{\"kid\":\"centre-9\",\"sig\":\"AAAA\"}\n{}", "unknown key id (this gateway knows centre-1)")]
    public void A_message_without_a_good_signature_line_is_refused_with_the_reason(string message, string reason)
    {
        var (_, keys) = Centre("centre-1");
        var refused = keys.Open(Encoding.UTF8.GetBytes(message)).Refused;

        // A DER that does not parse may be reported either way by the platform's ECDSA; both refuse.
        Assert.True(refused!.StartsWith($"not signed by the centre: {reason}", StringComparison.Ordinal)
            || (reason.StartsWith("the signature is not", StringComparison.Ordinal) && refused == "not signed by the centre: the signature does not match the message"), refused);
    }

    [Fact]
    public void Two_keys_are_in_force_during_a_rotation_and_a_message_signed_by_another_key_is_refused()
    {
        var (old, oldPublic) = KeyPair("centre-1");
        var (next, nextPublic) = KeyPair("centre-2");
        var (keys, problems) = CentreKeys.Load([new CentreKeyOptions { Id = "centre-1", PublicKeyFile = oldPublic }, new CentreKeyOptions { Id = "centre-2", PublicKeyFile = nextPublic }]);
        using var _ = keys;

        Assert.Empty(problems);
        Assert.Null(keys.Open(old.Sign("{}"u8)).Refused);
        Assert.Null(keys.Open(next.Sign("{}"u8)).Refused);
        var impostor = CentreSigner.FromPem(CentreSigner.NewKeyPair().PrivatePem, "centre-1");
        Assert.Equal("not signed by the centre: the signature does not match the message", keys.Open(impostor.Sign("{}"u8)).Refused);
    }

    [Fact]
    public void Without_a_centre_key_nothing_is_accepted() =>
        Assert.StartsWith("not signed by the centre: this gateway has no centre key", CentreKeys.None.Open(Centre("centre-1").Signer.Sign("{}"u8)).Refused, StringComparison.Ordinal);

    [Fact]
    public void A_private_key_another_curve_or_garbage_is_refused_as_a_centre_key()
    {
        var privateFile = Write("private.pem", CentreSigner.NewKeyPair().PrivatePem);
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        var p384File = Write("p384.pem", p384.ExportSubjectPublicKeyInfoPem());
        using var rsa = RSA.Create(2048);
        var rsaFile = Write("rsa.pem", rsa.ExportSubjectPublicKeyInfoPem());
        var empty = Write("empty.pem", "");

        var (keys, problems) = CentreKeys.Load([.. new[] { privateFile, p384File, rsaFile, empty, Path.Combine(_dir, "missing.pem") }
            .Select((f, i) => new CentreKeyOptions { Id = $"k{i}", PublicKeyFile = f })]);
        keys.Dispose();

        Assert.Equal(5, problems.Count);
        Assert.Contains("holds a private key", problems[0], StringComparison.Ordinal);
        Assert.Contains("is not an ECDSA P-256 public key", problems[1], StringComparison.Ordinal);
        Assert.Contains("is not a PEM ECDSA P-256 public key", problems[2], StringComparison.Ordinal);
        Assert.Contains("is not a PEM ECDSA P-256 public key", problems[3], StringComparison.Ordinal);
        Assert.Contains("does not exist", problems[4], StringComparison.Ordinal);
        Assert.All(problems, (p, i) => Assert.StartsWith($"Commands.CentreKeys[{i}].PublicKeyFile: ", p, StringComparison.Ordinal));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private (CentreSigner Signer, CentreKeys Keys) Centre(string keyId)
    {
        var (signer, publicFile) = KeyPair(keyId);
        var (keys, problems) = CentreKeys.Load([new CentreKeyOptions { Id = keyId, PublicKeyFile = publicFile }]);
        Assert.Empty(problems);
        return (signer, keys);
    }

    private (CentreSigner Signer, string PublicFile) KeyPair(string keyId)
    {
        var (privatePem, publicPem) = CentreSigner.NewKeyPair();
        return (CentreSigner.FromPem(privatePem, keyId), Write($"{keyId}.pub.pem", publicPem));
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }
}
