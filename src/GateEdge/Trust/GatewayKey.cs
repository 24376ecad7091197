using System.Security.Cryptography;
using GateEdge.Common;

namespace GateEdge.Trust;

/// <summary>
/// This gateway's own signing key: ECDSA P-256, made on the box at its first start and kept in the
/// state folder (0600); its private half never leaves the box. Everything the gateway publishes is
/// signed with it (docs/mqtt.md, "What the gateway signs"), so a broker account alone cannot speak
/// for the gateway. A stolen box signs only as itself: the centre enrols each gateway's public key.
/// </summary>
internal sealed class GatewayKey : IDisposable
{
    public const string FileName = "gateway.key.pem";

    private readonly ECDsa _key;

    private GatewayKey(ECDsa key)
    {
        _key = key;
        PublicKeyPem = key.ExportSubjectPublicKeyInfoPem();
        KeyId = Fingerprint(key.ExportSubjectPublicKeyInfo());
    }

    /// <summary>The public key's fingerprint, what the centre enrols and each signature names: <c>p256:</c> and 32 hex digits of its SHA-256.</summary>
    public string KeyId { get; }

    public string PublicKeyPem { get; }

    /// <summary>
    /// Loads the key in <paramref name="stateDirectory"/>, making one the first time, and binds it to
    /// this machine when it is not yet (<see cref="GatewayKeyBinding"/>; a key bound elsewhere is
    /// refused by the configuration check before the gateway gets here).
    /// </summary>
    public static GatewayKey LoadOrCreate(string stateDirectory)
    {
        var path = Path.Combine(stateDirectory, FileName);
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(stateDirectory);
            using var fresh = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            // Written whole or not at all: a half-written key would be a gateway that can never sign.
            DurableFile.Replace(path, System.Text.Encoding.ASCII.GetBytes(fresh.ExportPkcs8PrivateKeyPem()));
        }

        var key = Load(path);
        // A key just made, or one made before keys were bound.
        if (GatewayKeyBinding.Check(stateDirectory) == GatewayKeyBinding.Binding.Unbound)
        {
            GatewayKeyBinding.Bind(stateDirectory);
        }

        return key;
    }

    /// <summary>Reads a key file; a file that is not an ECDSA P-256 private key is refused with its reason.</summary>
    public static GatewayKey Load(string path)
    {
        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(File.ReadAllText(path));
            if (key.KeySize != 256 || key.ExportParameters(false).Curve.Oid.Value != "1.2.840.10045.3.1.7")
            {
                throw new CryptographicException("not a P-256 key");
            }

            _ = key.ExportParameters(includePrivateParameters: true);
        }
        catch (Exception ex) when (ex is ArgumentException or CryptographicException)
        {
            key.Dispose();
            throw new CryptographicException($"{path} is not this gateway's ECDSA P-256 private key ({ex.Message}); move it aside and the gateway makes a new one, to be enrolled at the centre again", ex);
        }

        return new GatewayKey(key);
    }

    /// <summary>A key that lives only in memory: tests and benchmarks that need no enrolment.</summary>
    public static GatewayKey Ephemeral() => new(ECDsa.Create(ECCurve.NamedCurves.nistP256));

    /// <summary>DER ECDSA P-256 SHA-256 signature of <paramref name="body"/>, the form the centre's own messages use.</summary>
    public byte[] Sign(ReadOnlySpan<byte> body) => _key.SignData(body, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);

    public static string Fingerprint(ReadOnlySpan<byte> subjectPublicKeyInfo) =>
        "p256:" + Convert.ToHexStringLower(SHA256.HashData(subjectPublicKeyInfo)[..16]);

    public void Dispose() => _key.Dispose();
}
