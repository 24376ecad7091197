using System.Security.Cryptography;
using GateEdge.Common;

namespace GateEdge.Trust;

/// <summary>
/// The centre's public signing keys, by key id: usually one, two while the centre rotates. A
/// gateway holds only public keys, so nothing on a gateway box can sign for any gateway. Safe to
/// use from several threads: checks take turns on the key objects.
/// </summary>
internal sealed class CentreKeys : IDisposable
{
    /// <summary>The only curve accepted: P-256 (secp256r1), 128-bit security, built into every platform .NET runs on.</summary>
    private const string P256Oid = "1.2.840.10045.3.1.7";

    private readonly Dictionary<string, ECDsa> _keys;
    private readonly Lock _verifying = new();

    private CentreKeys(Dictionary<string, ECDsa> keys) => _keys = keys;

    public static CentreKeys None { get; } = new([]);

    public int Count => _keys.Count;

    /// <summary>Loads every configured key; each problem names the setting, as the configuration check prints it.</summary>
    public static (CentreKeys Keys, IReadOnlyList<string> Problems) Load(IReadOnlyList<CentreKeyOptions> options, string section = "Commands.CentreKeys")
    {
        var keys = new Dictionary<string, ECDsa>(StringComparer.Ordinal);
        var problems = new List<string>();
        for (int i = 0; i < options.Count; i++)
        {
            string at = $"{section}[{i}]";
            var o = options[i];
            if (!TopicLevel.IsValid(o.Id))
            {
                problems.Add($"{at}.Id: '{o.Id}' must be 1–64 letters, digits, '-' or '_'");
                continue;
            }

            if (keys.ContainsKey(o.Id))
            {
                problems.Add($"{at}.Id: '{o.Id}' is used by another key");
                continue;
            }

            var (key, problem) = Read(o.PublicKeyFile);
            if (problem is not null)
            {
                problems.Add($"{at}.PublicKeyFile: {problem}");
                continue;
            }

            keys.Add(o.Id, key!);
        }

        return (new CentreKeys(keys), problems);
    }

    /// <summary>
    /// The body of a message the centre signed, or why the message is refused. Nothing of an
    /// unverified message is read, logged or acted on beyond this.
    /// </summary>
    public (ReadOnlyMemory<byte> Body, string? Refused) Open(ReadOnlyMemory<byte> message)
    {
        var (keyId, signature, body, problem) = SignedMessage.Split(message);
        problem ??= Verify(keyId!, signature, body.Span);
        return problem is null ? (body, null) : (default, $"not signed by the centre: {problem}");
    }

    /// <summary>Null when <paramref name="signature"/> is the centre's signature of <paramref name="body"/> under key <paramref name="keyId"/>.</summary>
    public string? Verify(string keyId, ReadOnlySpan<byte> signature, ReadOnlySpan<byte> body)
    {
        if (_keys.Count == 0)
        {
            return "this gateway has no centre key (Commands.CentreKeys), so it accepts nothing from the centre";
        }

        if (!_keys.TryGetValue(keyId, out var key))
        {
            return $"unknown key id (this gateway knows {string.Join(", ", _keys.Keys)})";
        }

        try
        {
            // The inbox checks on the MQTT receive path while the command service checks again: one key object, one check at a time.
            lock (_verifying)
            {
                return key.VerifyData(body, signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence)
                    ? null
                    : "the signature does not match the message";
            }
        }
        catch (CryptographicException)
        {
            return "the signature is not a DER ECDSA signature";
        }
    }

    public void Dispose()
    {
        foreach (var key in _keys.Values)
        {
            key.Dispose();
        }
    }

    private static (ECDsa? Key, string? Problem) Read(string file)
    {
        if (string.IsNullOrWhiteSpace(file) || !File.Exists(file))
        {
            return (null, $"'{file}' does not exist");
        }

        string pem;
        try
        {
            pem = File.ReadAllText(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (null, $"{file} cannot be read: {ex.Message}");
        }

        if (pem.Contains("PRIVATE KEY", StringComparison.Ordinal))
        {
            return (null, $"{file} holds a private key: a gateway needs only the centre's public key, and a private key on a gateway could sign for every gate; remove it from this box");
        }

        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(pem);
            if (key.ExportParameters(false).Curve.Oid.Value != P256Oid)
            {
                key.Dispose();
                return (null, $"{file} is not an ECDSA P-256 public key (other curves and key types are refused)");
            }
        }
        catch (Exception ex) when (ex is ArgumentException or CryptographicException)
        {
            key.Dispose();
            return (null, $"{file} is not a PEM ECDSA P-256 public key (-----BEGIN PUBLIC KEY-----)");
        }

        return (key, null);
    }
}
