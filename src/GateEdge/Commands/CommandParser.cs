using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace GateEdge.Commands;

/// <summary>
/// Checks a command from the centre before anything acts on it: size, shape, known command,
/// required fields, and for commands that act on the gate an HMAC-SHA256 signature over a fixed
/// field order, a fresh timestamp and an unused nonce (docs/mqtt.md, "Commands").
/// Pure apart from the replay memory; the time is passed in.
/// </summary>
internal sealed class CommandParser(CommandOptions options, byte[]? key, IReadOnlySet<string> lanes)
{
    private readonly ReplayGuard _replays = new(options.MaxClockSkew * 2);

    public static string SigningInput(string command, CommandRequest r) =>
        string.Join('|', CommandRequest.SchemaId, command, r.Id, r.IssuedAt, r.Nonce, r.Lane, r.Operator, r.Reason);

    public static string Sign(byte[] key, string command, CommandRequest request) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(SigningInput(command, request))));

    public (ParsedCommand? Command, CommandRejection? Rejection) Parse(string command, ReadOnlySpan<byte> payload, DateTimeOffset now)
    {
        if (payload.Length > options.MaxPayloadBytes)
        {
            return Reject(null, $"payload of {payload.Length} bytes exceeds the {options.MaxPayloadBytes}-byte limit");
        }

        CommandRequest? request;
        try
        {
            request = JsonSerializer.Deserialize(payload, CommandJson.Default.CommandRequest);
        }
        catch (JsonException ex)
        {
            return Reject(null, $"malformed JSON: {ex.Message}");
        }

        if (request is null || request.Schema != CommandRequest.SchemaId)
        {
            return Reject(request?.Id, $"schema must be {CommandRequest.SchemaId}");
        }

        if (string.IsNullOrWhiteSpace(request.Id) || request.Id.Length > 64)
        {
            return Reject(null, "id is missing or longer than 64 characters");
        }

        return command switch
        {
            "republish" => (new ParsedCommand(CommandKind.Republish, request.Id, request.Operator, request.Reason, null), null),
            "open" => ParseOpen(request, now),
            _ => Reject(request.Id, $"unknown command '{Truncate(command)}' (known: open, republish)"),
        };
    }

    private (ParsedCommand?, CommandRejection?) ParseOpen(CommandRequest r, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(r.Operator) || string.IsNullOrWhiteSpace(r.Reason))
        {
            return Reject(r.Id, "open needs the operator and the reason");
        }

        if (r.Lane is null || !lanes.Contains(r.Lane))
        {
            return Reject(r.Id, $"no lane '{Truncate(r.Lane)}' at this gateway");
        }

        if (key is null)
        {
            return Reject(r.Id, "commands that open the gate are disabled: no signing key is configured");
        }

        if (r.Signature is null || r.Nonce is null || r.IssuedAt is null
            || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(r.Signature), Encoding.ASCII.GetBytes(Sign(key, "open", r))))
        {
            return Reject(r.Id, "signature missing or invalid");
        }

        if (!DateTimeOffset.TryParse(r.IssuedAt, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var issued)
            || (now - issued).Duration() > options.MaxClockSkew)
        {
            return Reject(r.Id, $"issuedAt is not within {options.MaxClockSkew.TotalSeconds:0} s of the gateway's clock");
        }

        if (!_replays.FirstUse(r.Nonce, now))
        {
            return Reject(r.Id, "nonce already used: replayed command");
        }

        return (new ParsedCommand(CommandKind.Open, r.Id!, r.Operator, r.Reason, r.Lane), null);
    }

    private static (ParsedCommand?, CommandRejection?) Reject(string? id, string reason) => (null, new CommandRejection(id, reason));

    private static string Truncate(string? value) => value is { Length: > 40 } ? value[..40] + "…" : value ?? "";
}
