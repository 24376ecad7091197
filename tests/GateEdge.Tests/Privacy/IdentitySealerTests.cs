using System.Security.Cryptography;
using GateEdge.Devices.CardReaders;
using GateEdge.Privacy;

namespace GateEdge.Tests.Privacy;

/// <summary>A gateway seals identities to the centre's public key: only the centre's private key opens them.</summary>
public sealed class IdentitySealerTests : IDisposable
{
    private static readonly Credential Zhang = new(CredentialKind.NationalId, "11010519491231002x");
    private readonly string _dir = Directory.CreateTempSubdirectory("gateedge-sealing-").FullName;

    [Fact]
    public void The_centre_opens_what_a_gateway_sealed_and_the_same_number_never_seals_the_same_way_twice()
    {
        using var centre = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        using var sealer = Sealer(centre);

        var first = sealer.Seal(Zhang)!;
        var second = sealer.Seal(Zhang)!;

        Assert.Equal("national-id:11010519491231002X", IdentitySealer.Open(centre, first));
        Assert.Equal("national-id:11010519491231002X", IdentitySealer.Open(centre, second));
        Assert.NotEqual(first, second);
        Assert.DoesNotContain("1101", first, StringComparison.Ordinal);
    }

    [Fact]
    public void Another_key_cannot_open_it_and_a_changed_byte_is_detected()
    {
        using var centre = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        using var other = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        using var sealer = Sealer(centre);
        var sealedIdentity = Convert.FromBase64String(sealer.Seal(Zhang)!);

        Assert.ThrowsAny<CryptographicException>(() => IdentitySealer.Open(other, Convert.ToBase64String(sealedIdentity)));
        sealedIdentity[^1] ^= 1;
        Assert.ThrowsAny<CryptographicException>(() => IdentitySealer.Open(centre, Convert.ToBase64String(sealedIdentity)));
    }

    [Fact]
    public void Without_a_key_nothing_is_sealed_and_a_private_key_is_refused_on_the_box()
    {
        Assert.Null(IdentitySealer.None.Seal(Zhang));
        using var centre = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        var file = Path.Combine(_dir, "private.pem");
        File.WriteAllText(file, centre.ExportPkcs8PrivateKeyPem());
        Assert.Contains("holds a private key", IdentitySealer.Load(file).Problem, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private IdentitySealer Sealer(ECDiffieHellman centre)
    {
        var file = Path.Combine(_dir, $"{Guid.NewGuid():N}.pem");
        File.WriteAllText(file, centre.ExportSubjectPublicKeyInfoPem());
        var (sealer, problem) = IdentitySealer.Load(file);
        Assert.Null(problem);
        return sealer!;
    }
}
