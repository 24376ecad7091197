using System.Security.Cryptography;
using GateEdge.Trust;

namespace GateEdge.Evidence.Verify;

/// <summary>
/// The gateways' public keys as enrolled at the centre (<c>{gateway}.pub.pem</c> in a folder, from
/// <c>gateedge identity show</c> on each box), and the one check of a gateway's signature line
/// against them that the auditor's tool and the ingest share. Not for use by several threads at once.
/// </summary>
internal sealed class EnrolledKeys
{
    private readonly Dictionary<string, (ECDsa Key, string KeyId)> _keys;

    public EnrolledKeys(IReadOnlyDictionary<string, ECDsa> keys) =>
        _keys = keys.ToDictionary(k => k.Key, k => (k.Value, GatewayKey.Fingerprint(k.Value.ExportSubjectPublicKeyInfo())), StringComparer.Ordinal);

    public int Count => _keys.Count;

    /// <summary>The keys in <paramref name="folder"/>, or one line naming the folder or file that is wrong.</summary>
    public static (EnrolledKeys? Keys, string? Problem) Load(string folder, string option = "--keys")
    {
        if (!Directory.Exists(folder))
        {
            return (null, $"{option}: {folder} is no folder; it holds each gateway's public key as {{gateway}}.pub.pem (from 'gateedge identity show' on the box)");
        }

        var keys = new Dictionary<string, ECDsa>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(folder, "*.pub.pem"))
        {
            var key = ECDsa.Create();
            try
            {
                key.ImportFromPem(File.ReadAllText(file));
            }
            catch (Exception ex) when (ex is ArgumentException or CryptographicException)
            {
                key.Dispose();
                return (null, $"{file}: not a PEM ECDSA P-256 public key");
            }

            keys[Path.GetFileName(file)[..^".pub.pem".Length]] = key;
        }

        return (new EnrolledKeys(keys), null);
    }

    /// <summary>Why the header's key is not the one enrolled for <paramref name="gateway"/>, or null when it is.</summary>
    public string? KeyProblem(string gateway, GatewayMessage.Header header)
    {
        if (!_keys.TryGetValue(gateway, out var enrolled))
        {
            return "no public key is enrolled for this gateway";
        }

        return header.KeyId == enrolled.KeyId ? null : $"signed with key {header.KeyId}, not the one enrolled for this gateway";
    }

    /// <summary>Whether <paramref name="body"/> carries the enrolled gateway's signature from <paramref name="header"/>.</summary>
    public bool Signed(string gateway, GatewayMessage.Header header, ReadOnlySpan<byte> body)
    {
        if (!_keys.TryGetValue(gateway, out var enrolled))
        {
            return false;
        }

        try
        {
            return enrolled.Key.VerifyData(body, header.Signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }
}
