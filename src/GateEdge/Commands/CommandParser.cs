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
/// <param name="replays">Where used nonces are remembered; a file-backed one keeps them across restarts.</param>
internal sealed class CommandParser(CommandOptions options, byte[]? key, IReadOnlySet<string> lanes, ReplayGuard? replays = null)
{
    private readonly ReplayGuard _replays = replays ?? new ReplayGuard(options.MaxClockSkew * 2);

    /// <summary>The signed text: fixed fields in a fixed order, and for <c>config</c> the SHA-256 of the new file, so not one byte of it can change.</summary>
    public static string SigningInput(string command, CommandRequest r) =>
        string.Join('|', CommandRequest.SchemaId, command, r.Id, r.IssuedAt, r.Nonce, r.Lane, r.Operator, r.Reason)
        + (r.Config is null ? "" : "|" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(r.Config))));

    public static string Sign(byte[] key, string command, CommandRequest request) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(SigningInput(command, request))));

    public (ParsedCommand? Command, CommandRejection? Rejection) Parse(string command, ReadOnlySpan<byte> payload, DateTimeOffset now)
    {
        int limit = command == "config" ? options.MaxConfigPayloadBytes : options.MaxPayloadBytes;
        if (payload.Length > limit)
        {
            return Reject(null, $"payload of {payload.Length} bytes exceeds the {limit}-byte limit");
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
            "config" => ParseConfig(request, now),
            _ => Reject(request.Id, $"unknown command '{Truncate(command)}' (known: open, config, republish)"),
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

        return CheckSigned("open", r, now) is { } refused
            ? Reject(r.Id, refused)
            : (new ParsedCommand(CommandKind.Open, r.Id!, r.Operator, r.Reason, r.Lane), null);
    }

    private (ParsedCommand?, CommandRejection?) ParseConfig(CommandRequest r, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(r.Operator) || string.IsNullOrWhiteSpace(r.Reason))
        {
            return Reject(r.Id, "config needs the operator and the reason");
        }

        if (string.IsNullOrWhiteSpace(r.Config))
        {
            return Reject(r.Id, "config needs the new configuration file as the 'config' string");
        }

        return CheckSigned("config", r, now) is { } refused
            ? Reject(r.Id, refused)
            : (new ParsedCommand(CommandKind.Config, r.Id!, r.Operator, r.Reason, null, r.Config), null);
    }

    /// <summary>The checks of a command that acts on the gate, in order of cost; the nonce is spent only by a command that passes all others.</summary>
    private string? CheckSigned(string command, CommandRequest r, DateTimeOffset now)
    {
        if (key is null)
        {
            return "commands that act on the gate are disabled: no signing key is configured";
        }

        if (r.Signature is null || r.Nonce is null || r.IssuedAt is null
            || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(r.Signature), Encoding.ASCII.GetBytes(Sign(key, command, r))))
        {
            return "signature missing or invalid";
        }

        if (!DateTimeOffset.TryParse(r.IssuedAt, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var issued)
            || (now - issued).Duration() > options.MaxClockSkew)
        {
            return $"issuedAt is not within {options.MaxClockSkew.TotalSeconds:0} s of the gateway's clock";
        }

        return _replays.FirstUse(r.Nonce, now) ? null : "nonce already used: replayed command";
    }

    private static (ParsedCommand?, CommandRejection?) Reject(string? id, string reason) => (null, new CommandRejection(id, reason));

    private static string Truncate(string? value) => value is { Length: > 40 } ? value[..40] + "…" : value ?? "";
}
