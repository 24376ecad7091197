using System.Security.Cryptography;
using System.Text;
using GateEdge.Devices.CardReaders;
using GateEdge.Events;

namespace GateEdge.Privacy;

/// <summary>
/// Seals a card number to the centre's public key, so only the centre can read it and match one
/// person across gates (docs/privacy.md, "Sealed identities"). A gateway holds only the public
/// key: a box taken off the wall can seal, never open, and reveals nothing of other compounds.
/// Each seal uses a fresh key pair, so the same number never seals the same way twice and the
/// sealed form cannot be tested against guesses. Layout (base64):
/// <c>01 | ephemeral P-256 point (65 bytes, uncompressed) | nonce (12) | AES-256-GCM ciphertext | tag (16)</c>,
/// with the AES key = HKDF-SHA256(ECDH secret, salt = the ephemeral point, info = "gateedge identity seal 1").
/// </summary>
internal sealed class IdentitySealer : IDisposable
{
    private const byte Version = 1;
    private const int PointBytes = 65;
    private const int NonceBytes = 12;
    private const int TagBytes = 16;
    private static readonly byte[] Info = "gateedge identity seal 1"u8.ToArray();

    private readonly ECDiffieHellman? _centre;

    private IdentitySealer(ECDiffieHellman? centre) => _centre = centre;

    /// <summary>Seals nothing: events carry no sealed identity.</summary>
    public static IdentitySealer None { get; } = new(null);

    public static (IdentitySealer? Sealer, string? Problem) Load(string file)
    {
        if (!File.Exists(file))
        {
            return (null, $"{file} does not exist");
        }

        var pem = File.ReadAllText(file);
        if (pem.Contains("PRIVATE KEY", StringComparison.Ordinal))
        {
            return (null, $"{file} holds a private key: the gateway needs only the centre's public sealing key; remove the private key from this box");
        }

        var key = ECDiffieHellman.Create();
        try
        {
            key.ImportFromPem(pem);
            if (key.ExportParameters(false).Curve.Oid.Value != "1.2.840.10045.3.1.7")
            {
                key.Dispose();
                return (null, $"{file} is not a P-256 public key");
            }
        }
        catch (Exception ex) when (ex is ArgumentException or CryptographicException)
        {
            key.Dispose();
            return (null, $"{file} is not a PEM P-256 public key (-----BEGIN PUBLIC KEY-----)");
        }

        return (new IdentitySealer(key), null);
    }

    /// <summary>The sealed <c>{kind}:{NUMBER}</c> (e.g. <c>national-id:11010519491231002X</c>), or null without a sealing key.</summary>
    public string? Seal(Credential credential)
    {
        if (_centre is null)
        {
            return null;
        }

        using var ephemeral = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        var q = ephemeral.ExportParameters(false).Q;
        byte[] point = [0x04, .. q.X!, .. q.Y!];
        var key = Key(ephemeral.DeriveRawSecretAgreement(_centre.PublicKey), point);
        var plaintext = Encoding.UTF8.GetBytes($"{Wire.Of(credential.Kind)}:{credential.Number.ToUpperInvariant()}");
        var sealedBytes = new byte[1 + PointBytes + NonceBytes + plaintext.Length + TagBytes];
        sealedBytes[0] = Version;
        point.CopyTo(sealedBytes, 1);
        var nonce = sealedBytes.AsSpan(1 + PointBytes, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagBytes);
        aes.Encrypt(nonce, plaintext, sealedBytes.AsSpan(1 + PointBytes + NonceBytes, plaintext.Length), sealedBytes.AsSpan(sealedBytes.Length - TagBytes));
        return Convert.ToBase64String(sealedBytes);
    }

    /// <summary>The centre's side: opens a sealed identity with the centre's private key (<c>gateedge centre unseal</c>).</summary>
    public static string Open(ECDiffieHellman centrePrivate, string sealedIdentity)
    {
        var bytes = Convert.FromBase64String(sealedIdentity);
        if (bytes.Length < 1 + PointBytes + NonceBytes + TagBytes || bytes[0] != Version)
        {
            throw new CryptographicException("not a sealed identity of version 1");
        }

        var point = bytes.AsSpan(1, PointBytes);
        using var ephemeral = ECDiffieHellman.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = point[1..33].ToArray(), Y = point[33..].ToArray() },
        });
        var key = Key(centrePrivate.DeriveRawSecretAgreement(ephemeral.PublicKey), point);
        var cipher = bytes.AsSpan(1 + PointBytes + NonceBytes, bytes.Length - 1 - PointBytes - NonceBytes - TagBytes);
        var plaintext = new byte[cipher.Length];
        using var aes = new AesGcm(key, TagBytes);
        aes.Decrypt(bytes.AsSpan(1 + PointBytes, NonceBytes), cipher, bytes.AsSpan(bytes.Length - TagBytes), plaintext);
        return Encoding.UTF8.GetString(plaintext);
    }

    public void Dispose() => _centre?.Dispose();

    private static byte[] Key(byte[] secret, ReadOnlySpan<byte> point) => HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, 32, point.ToArray(), Info);
}
