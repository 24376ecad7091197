using System.Text;
using System.Text.Json;

namespace GateEdge.Trust;

/// <summary>
/// The wire form of everything the centre sends: one header line naming the signing key and
/// carrying the signature, then the signed bytes exactly as the centre signed them
/// (docs/mqtt.md, "Signed messages"):
/// <code>{"kid":"centre-2026-12","sig":"MEUCIQ…"}\n{"schema":"gateedge.command/2",…}</code>
/// The signature is ECDSA P-256 with SHA-256 over the body bytes, DER-encoded, in base64. Signing
/// the bytes themselves, not fields joined into a string, leaves nothing to re-interpret.
/// Pure: splitting and checking the header's shape; verification is <see cref="CentreKeys"/>'s.
/// </summary>
internal static class SignedMessage
{
    /// <summary>Longest header accepted: a key id of 64 characters and a DER signature of at most 72 bytes fit well inside.</summary>
    public const int MaxHeaderBytes = 256;

    private const int MaxKeyIdLength = 64;
    private const int MaxSignatureBytes = 72;

    /// <summary>Splits a message into key id, signature and body, or says why it is not a signed message.</summary>
    public static (string? KeyId, byte[]? Signature, ReadOnlyMemory<byte> Body, string? Problem) Split(ReadOnlyMemory<byte> message)
    {
        int newline = message.Span[..Math.Min(message.Length, MaxHeaderBytes + 1)].IndexOf((byte)'\n');
        if (newline < 0)
        {
            return Refused($"no signature line: a message from the centre starts with {{\"kid\":…,\"sig\":…}} and a newline (at most {MaxHeaderBytes} bytes)");
        }

        var (keyId, signature, problem) = ReadHeader(message.Span[..newline]);
        return problem is null ? (keyId, signature, message[(newline + 1)..], null) : Refused(problem);
    }

    /// <summary>The message for <paramref name="body"/> signed as <paramref name="signature"/> under key <paramref name="keyId"/>.</summary>
    public static byte[] Compose(string keyId, ReadOnlySpan<byte> signature, ReadOnlySpan<byte> body)
    {
        var header = Encoding.UTF8.GetBytes($$"""{"kid":{{JsonSerializer.Serialize(keyId, TrustJson.Default.String)}},"sig":"{{Convert.ToBase64String(signature)}}"}""");
        var message = new byte[header.Length + 1 + body.Length];
        header.CopyTo(message, 0);
        message[header.Length] = (byte)'\n';
        body.CopyTo(message.AsSpan(header.Length + 1));
        return message;
    }

    /// <summary>The header is an object of exactly two strings, <c>kid</c> and <c>sig</c>, each once.</summary>
    private static (string? KeyId, byte[]? Signature, string? Problem) ReadHeader(ReadOnlySpan<byte> header)
    {
        string? keyId = null;
        string? signature = null;
        try
        {
            var reader = new Utf8JsonReader(header, new JsonReaderOptions { MaxDepth = 2 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return (null, null, "the signature line is not a JSON object");
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                bool isKid = reader.ValueTextEquals("kid"u8);
                if (!isKid && !reader.ValueTextEquals("sig"u8))
                {
                    return (null, null, "the signature line holds only kid and sig");
                }

                if (!reader.Read() || reader.TokenType != JsonTokenType.String || (isKid ? keyId : signature) is not null)
                {
                    return (null, null, "kid and sig are strings, each given once");
                }

                if (isKid)
                {
                    keyId = reader.GetString();
                }
                else
                {
                    signature = reader.GetString();
                }
            }

            if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
            {
                return (null, null, "the signature line is not one JSON object");
            }
        }
        catch (JsonException)
        {
            return (null, null, "the signature line is not valid JSON");
        }

        if (keyId is not { Length: > 0 and <= MaxKeyIdLength })
        {
            return (null, null, $"kid is missing or longer than {MaxKeyIdLength} characters");
        }

        var bytes = new byte[MaxSignatureBytes];
        if (signature is null || !Convert.TryFromBase64String(signature, bytes, out int length) || length == 0)
        {
            return (null, null, "sig is not base64 of a DER ECDSA signature");
        }

        return (keyId, bytes[..length], null);
    }

    private static (string?, byte[]?, ReadOnlyMemory<byte>, string?) Refused(string problem) => (null, null, default, problem);
}
