using System.Text.Json;
using System.Text;

namespace GateEdge.Evidence;

/// <summary>
/// The wire form of everything a gateway publishes (docs/mqtt.md, "What the gateway signs"): one
/// header line, a newline, then the body exactly as signed and chained. It is the framing the
/// centre's own messages use, with the header also carrying what belongs to the transport, not to
/// the record:
/// <code>{"kid":"p256:…","sig":"MEUCIQ…","replayed":true}\n{"schema":"gateedge.passage/4",…}</code>
/// <c>replayed</c> says the event waited in the backlog; <c>redacted</c> (the hex SHA-256 of the body
/// as first recorded) says the body is the copy the gateway keeps after purging personal data, so its
/// signature no longer matches while the next event's <c>prev</c> still vouches for the original.
/// Pure: composing and splitting; what a signature is worth is the verifier's question.
/// </summary>
internal static class GatewayMessage
{
    public const int MaxHeaderBytes = 512;

    public readonly record struct Header(string KeyId, byte[] Signature, bool? Replayed, string? Redacted);

    /// <summary><paramref name="body"/> signed now with <paramref name="key"/>, with its signature line: what the gateway publishes beside its events (statuses, answers, checkpoints).</summary>
    public static byte[] Signed(Trust.GatewayKey key, ReadOnlySpan<byte> body) => Compose(key.KeyId, key.Sign(body), body);

    public static byte[] Compose(string keyId, ReadOnlySpan<byte> signature, ReadOnlySpan<byte> body, bool? replayed = null, string? redacted = null)
    {
        var header = new StringBuilder(160);
        header.Append("{\"kid\":\"").Append(keyId).Append("\",\"sig\":\"").Append(Convert.ToBase64String(signature)).Append('"');
        if (replayed is { } r)
        {
            header.Append(",\"replayed\":").Append(r ? "true" : "false");
        }

        if (redacted is not null)
        {
            header.Append(",\"redacted\":\"").Append(redacted).Append('"');
        }

        header.Append("}\n");
        int headerLength = Encoding.ASCII.GetByteCount(header.ToString());
        var message = new byte[headerLength + body.Length];
        Encoding.ASCII.GetBytes(header.ToString(), message);
        body.CopyTo(message.AsSpan(headerLength));
        return message;
    }

    /// <summary>The header and the body of a gateway's message, or why it is not one.</summary>
    public static (Header Header, ReadOnlyMemory<byte> Body, string? Problem) Split(ReadOnlyMemory<byte> message)
    {
        int newline = message.Span[..Math.Min(message.Length, MaxHeaderBytes + 1)].IndexOf((byte)'\n');
        if (newline < 0)
        {
            return (default, default, $"no signature line (a gateway's message starts with {{\"kid\":…,\"sig\":…}} and a newline, at most {MaxHeaderBytes} bytes)");
        }

        var (header, problem) = ReadHeader(message.Span[..newline]);
        return problem is null ? (header, message[(newline + 1)..], null) : (default, default, problem);
    }

    private static (Header Header, string? Problem) ReadHeader(ReadOnlySpan<byte> line)
    {
        string? keyId = null, signature = null, redacted = null;
        bool? replayed = null;
        try
        {
            var reader = new Utf8JsonReader(line, new JsonReaderOptions { MaxDepth = 2 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return (default, "the signature line is not a JSON object");
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                string name = reader.GetString()!;
                if (!reader.Read())
                {
                    return (default, "the signature line ends early");
                }

                bool fresh = name switch
                {
                    "kid" => Take(ref reader, ref keyId),
                    "sig" => Take(ref reader, ref signature),
                    "redacted" => Take(ref reader, ref redacted),
                    "replayed" when replayed is null && reader.TokenType is JsonTokenType.True or JsonTokenType.False => (replayed = reader.GetBoolean()) is not null,
                    _ => false,
                };
                if (!fresh)
                {
                    return (default, $"the signature line holds kid, sig, replayed and redacted, each once and of its type ('{name}' is not)");
                }
            }

            if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
            {
                return (default, "the signature line is not one JSON object");
            }
        }
        catch (JsonException)
        {
            return (default, "the signature line is not valid JSON");
        }

        var bytes = new byte[72];
        if (keyId is null || signature is null || !Convert.TryFromBase64String(signature, bytes, out int length) || length == 0)
        {
            return (default, "kid or sig is missing, or sig is not base64 of a DER ECDSA signature");
        }

        return (new Header(keyId, bytes[..length], replayed, redacted), null);
    }

    private static bool Take(ref Utf8JsonReader reader, ref string? field)
    {
        if (field is not null || reader.TokenType != JsonTokenType.String)
        {
            return false;
        }

        field = reader.GetString();
        return true;
    }
}
