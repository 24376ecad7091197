using System.Security.Cryptography;
using GateEdge.Common;
using GateEdge.Privacy;
using GateEdge.Trust;

namespace GateEdge.Cli;

/// <summary>
/// The centre's side of trust, for a central team and for rehearsals: make the centre's key pairs,
/// sign a command or update, open a sealed identity. These run where the private keys are, at the
/// centre; a gateway box holds only the public halves (docs/mqtt.md, "Signed messages").
/// </summary>
internal static class CentreTools
{
    /// <summary>Writes a signing key pair and a sealing key pair into <paramref name="folder"/>, private halves 0600.</summary>
    public static int KeyGen(string folder, string keyId, TextWriter output)
    {
        if (!TopicLevel.IsValid(keyId))
        {
            output.WriteLine($"--id: '{Untrusted.ForLog(keyId, 64)}' must be 1–64 letters, digits, '-' or '_'");
            return 2;
        }

        Directory.CreateDirectory(folder);
        var (signingPrivate, signingPublic) = CentreSigner.NewKeyPair();
        using var sealing = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        var files = new[]
        {
            ($"{keyId}.signing.key.pem", signingPrivate, true),
            ($"{keyId}.signing.pub.pem", signingPublic, false),
            ($"{keyId}.sealing.key.pem", sealing.ExportPkcs8PrivateKeyPem(), true),
            ($"{keyId}.sealing.pub.pem", sealing.ExportSubjectPublicKeyInfoPem(), false),
        };
        foreach (var (name, pem, secret) in files)
        {
            var path = Path.Combine(folder, name);
            if (File.Exists(path))
            {
                output.WriteLine($"{path} exists already; keys are never overwritten");
                return 1;
            }

            var options = DurableFile.OwnerOnly(FileMode.CreateNew, FileAccess.Write);
            if (!secret && !OperatingSystem.IsWindows())
            {
                options.UnixCreateMode |= UnixFileMode.GroupRead | UnixFileMode.OtherRead;
            }

            using var file = new FileStream(path, options);
            file.Write(System.Text.Encoding.ASCII.GetBytes(pem));
            output.WriteLine($"{(secret ? "private, keep at the centre" : "public, for every gateway ")}  {path}");
        }

        output.WriteLine($"On each gateway: \"Commands\": {{ \"CentreKeys\": [ {{ \"Id\": \"{keyId}\", \"PublicKeyFile\": \"{keyId}.signing.pub.pem\" }} ] }}, \"Privacy\": {{ \"IdentitySealingKeyFile\": \"{keyId}.sealing.pub.pem\" }}");
        return 0;
    }

    /// <summary>Signs the bytes of <paramref name="input"/> (a command or update body) and writes the message to publish.</summary>
    public static int Sign(string privateKeyFile, string keyId, Stream input, Stream output, TextWriter errors)
    {
        CentreSigner signer;
        try
        {
            signer = CentreSigner.FromPem(File.ReadAllText(privateKeyFile), keyId);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or CryptographicException)
        {
            errors.WriteLine($"--key: {privateKeyFile} is not a readable PEM ECDSA P-256 private key ({ex.Message})");
            return 2;
        }

        using var body = new MemoryStream();
        input.CopyTo(body);
        output.Write(signer.Sign(body.ToArray()));
        return 0;
    }

    public static int Unseal(string privateKeyFile, string sealedIdentity, TextWriter output)
    {
        try
        {
            using var key = ECDiffieHellman.Create();
            key.ImportFromPem(File.ReadAllText(privateKeyFile));
            output.WriteLine(IdentitySealer.Open(key, sealedIdentity.Trim()));
            return 0;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or CryptographicException or FormatException)
        {
            output.WriteLine($"cannot open it with {privateKeyFile}: {ex.Message}");
            return 1;
        }
    }
}
