using System.Globalization;
using System.Security.Cryptography;
using GateEdge.Common;

namespace GateEdge.Commands;

/// <summary>
/// Checks the body of a command the centre signed (the signature is checked before, by
/// <see cref="Trust.CentreKeys"/>): shape, the command it names against the topic it came on, the
/// gateway it is for, a fresh <c>issuedAt</c>, the fields the command needs, and that these exact
/// bytes were not accepted before (docs/mqtt.md, "Commands"). Pure apart from the replay memory;
/// the time is passed in.
/// </summary>
/// <param name="replays">Where accepted commands are remembered; a file-backed one keeps them across restarts.</param>
internal sealed class CommandParser(CommandOptions options, GatewayOptions gateway, IReadOnlySet<string> lanes, ReplayGuard? replays = null)
{
    private const int MaxTextLength = 200;

    // A gap the centre heals is usually a few events; a day of a busy gate is far below this.
    private const long MaxRepublished = 1_000_000;

    private readonly ReplayGuard _replays = replays ?? new ReplayGuard(options.MaxClockSkew * 2);

    public (CentreCommand? Command, CommandRejection? Rejection) Parse(string topicCommand, ReadOnlySpan<byte> body, DateTimeOffset now)
    {
        var (r, unreadable) = Trust.CentreMessage.Read(body, options.MaxConfigPayloadBytes, CommandJson.Default.CommandRequest, CommandRequest.SchemaId);
        if (r is null)
        {
            return Reject(null, unreadable!);
        }

        var stale = Freshness(r, now, out var issued);
        var problem = Binding(r, topicCommand) ?? stale ?? Fields(r);
        if (problem is not null)
        {
            return Reject(r.Id, problem);
        }

        // Spent last, by a command that passed every other check: the exact bytes, so a re-signed copy is no way round it.
        switch (_replays.FirstUse(Convert.ToHexStringLower(SHA256.HashData(body)), issued))
        {
            case ReplayVerdict.Replayed:
                return Reject(r.Id, "already carried out: replayed command");
            case ReplayVerdict.Superseded:
                return Reject(r.Id, "issued before commands this gateway has already carried out: a replay, or the centre's clock went back");
        }

        CentreCommand command = r.Command switch
        {
            "open" => new OpenCommand(r.Id!, r.Lane!, r.Operator!, r.Reason!),
            "config" => new ConfigCommand(r.Id!, r.Operator!, r.Reason!, r.Config!),
            "checkpoint-ack" => new CheckpointAckCommand(r.Id!, r.Size!.Value, r.Head!),
            _ => new RepublishCommand(r.Id!, r.FromSeq is { } from ? (from, r.ToSeq!.Value) : null),
        };
        return (command, null);
    }

    /// <summary>A command is signed for one command name at one gateway: elsewhere it is refused, whoever republishes it.</summary>
    private string? Binding(CommandRequest r, string topicCommand)
    {
        if (r.Command is not ("open" or "config" or "republish" or "checkpoint-ack"))
        {
            return "command must be open, config, republish or checkpoint-ack";
        }

        if (r.Command != topicCommand)
        {
            return $"the command is '{r.Command}' but it came on the topic of another command";
        }

        return r.Compound == gateway.CompoundId && r.Gate == gateway.GateId && r.Gateway == gateway.Id
            ? null
            : $"the command is for another gateway (this is {gateway.CompoundId}/{gateway.GateId}/{gateway.Id})";
    }

    /// <summary>A command queued at the broker while the gateway was away is refused, not carried out long after the operator asked.</summary>
    private string? Freshness(CommandRequest r, DateTimeOffset now, out DateTimeOffset issued) =>
        DateTimeOffset.TryParse(r.IssuedAt, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out issued)
        && (now - issued).Duration() <= options.MaxClockSkew
            ? null
            : $"issuedAt is not within {options.MaxClockSkew.TotalSeconds:0} s of the gateway's clock";

    private string? Fields(CommandRequest r)
    {
        if (r.Command is "republish" or "checkpoint-ack" && (r.Lane is not null || r.Config is not null))
        {
            return $"{r.Command} takes no lane and no config";
        }

        if (r.Command == "republish")
        {
            return (r.FromSeq, r.ToSeq) switch
            {
                (null, null) => null,
                ( >= 1 and var from, { } to) when to >= from && to - from < MaxRepublished => null,
                _ => $"republish takes fromSeq and toSeq together, 1 ≤ fromSeq ≤ toSeq, at most {MaxRepublished} events",
            };
        }

        if (r.FromSeq is not null || r.ToSeq is not null)
        {
            return "only republish takes fromSeq and toSeq";
        }

        if (r.Command == "checkpoint-ack")
        {
            return r.Size is >= 1 && r.Head is { Length: 64 } head && head.All(char.IsAsciiHexDigitLower)
                ? null
                : "checkpoint-ack needs size (at least 1) and head (64 lowercase hex digits)";
        }

        if (r.Size is not null || r.Head is not null)
        {
            return "only checkpoint-ack takes size and head";
        }

        if (!Text(r.Operator) || !Text(r.Reason))
        {
            return $"{r.Command} needs the operator and the reason, each 1–{MaxTextLength} characters without control characters";
        }

        if (r.Command == "open")
        {
            return r.Config is not null ? "open takes no config"
                : r.Lane is null || !lanes.Contains(r.Lane) ? $"no such lane at this gateway (lanes: {string.Join(", ", lanes.Order(StringComparer.Ordinal))})"
                : null;
        }

        return r.Lane is not null ? "config takes no lane"
            : string.IsNullOrWhiteSpace(r.Config) ? "config needs the new configuration file as the 'config' string"
            : null;
    }

    private static bool Text(string? value) => !string.IsNullOrWhiteSpace(value) && value.Length <= MaxTextLength && !value.Any(char.IsControl);

    private static (CentreCommand?, CommandRejection?) Reject(string? id, string reason) => (null, new CommandRejection(id, reason));
}
