using System.Security.Cryptography;

namespace GateEdge.Trust;

/// <summary>
/// The centre's side of <see cref="SignedMessage"/>: signs a body with the centre's private key.
/// It runs at the centre (<c>gateedge centre sign</c>), in the simulator and in tests; a gateway
/// never holds a private key to use it with.
/// </summary>
internal sealed class CentreSigner(ECDsa privateKey, string keyId)
{
    public string KeyId => keyId;

    public byte[] Sign(ReadOnlySpan<byte> body) =>
        SignedMessage.Compose(keyId, privateKey.SignData(body, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence), body);

    /// <summary>A new P-256 key pair as PEM: the private half stays at the centre, the public half goes to every gateway.</summary>
    public static (string PrivatePem, string PublicPem) NewKeyPair()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return (key.ExportPkcs8PrivateKeyPem(), key.ExportSubjectPublicKeyInfoPem());
    }

    public static CentreSigner FromPem(string privatePem, string keyId)
    {
        var key = ECDsa.Create();
        key.ImportFromPem(privatePem);
        return new CentreSigner(key, keyId);
    }
}
