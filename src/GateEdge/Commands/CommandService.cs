using System.Text.Json;
using GateEdge.Common;
using GateEdge.Events;
using GateEdge.Journal;
using GateEdge.Outputs;
using GateEdge.Registry;
using GateEdge.Rules;
using GateEdge.Trust;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GateEdge.Commands;

/// <summary>
/// Carries out what the centre sends, one message at a time: the signature is checked first and
/// nothing of an unsigned message is read or logged beyond the refusal; then the command or update
/// is checked and acted on (a remote open is journalled before the relay moves, as every passage
/// is), and answered. No message can stop the service: whatever goes wrong is answered as refused.
/// </summary>
internal sealed partial class CommandService(
    CommandInbox inbox,
    CentreKeys centre,
    CommandParser parser,
    LiveRegistry registry,
    GateActuator actuator,
    EventJournal journal,
    GatewayOptions gateway,
    EventHeaders headers,
    TimeProvider time,
    ILogger<CommandService> logger,
    IConfigurationPush? configurationPush = null,
    ValidityClock? validity = null) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (true)
            {
                var message = await inbox.ReceiveAsync(stoppingToken).ConfigureAwait(false);
                if (await HandleAsync(message, stoppingToken).ConfigureAwait(false) is { } result)
                {
                    inbox.Complete(result);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <returns>The result, or null when it follows later (a configuration push answers after the restart).</returns>
    internal async Task<CommandResult?> HandleAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        try
        {
            return await CarryOutAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogFailed(ex, Untrusted.ForLog(message.Label, 64));
            return Refused(null, message.Label, $"the gateway could not carry it out ({ex.GetType().Name}); nothing was applied");
        }
    }

    private async Task<CommandResult?> CarryOutAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        string label = message.Label;
        var (body, unsigned) = message.Refused is null ? centre.Open(message.Payload) : (default, message.Refused);
        if (unsigned is not null)
        {
            return Refused(null, label, unsigned);
        }

        if (message.Kind == InboundKind.List)
        {
            var (id, refused) = registry.Apply(message.Name, body.Span);
            if (refused is null && IssuedAt(body.Span) is { } issued)
            {
                validity?.Confirm(issued);
            }

            return refused is null ? Result(id, label, Wire.Done, null) : Refused(id, label, refused);
        }

        var (command, rejection) = parser.Parse(message.Name, body.Span, time.GetUtcNow());
        if (command is not null && IssuedAt(body.Span) is { } commandIssued)
        {
            validity?.Confirm(commandIssued);
        }

        switch (command)
        {
            case null:
                return Refused(rejection!.Id, label, rejection.Reason);
            case RepublishCommand republish:
                inbox.RequestRepublish();
                return Result(republish.Id, label, Wire.Done, republish.Events is { } range ? Resend(range) : null);
            case CheckpointAckCommand ack:
                return journal.Checkpoints.Acknowledge(ack.Size, ack.Head) is { } wrong
                    ? Refused(ack.Id, label, wrong)
                    : Result(ack.Id, label, Wire.Done, null);
            case ConfigCommand push when configurationPush is null:
                return Refused(push.Id, label, "this gateway was not started from a configuration file it can replace");
            case ConfigCommand push:
                return configurationPush.Apply(push) is { } refused ? Refused(push.Id, label, refused) : null;
            case OpenCommand open:
                return await OpenAsync(open, label, cancellationToken).ConfigureAwait(false);
            default:
                throw new InvalidOperationException($"no handler for {command.GetType().Name}");
        }
    }

    /// <summary>The <c>issuedAt</c> of a body whose signature held; null when it has none that parses.</summary>
    private static DateTimeOffset? IssuedAt(ReadOnlySpan<byte> body)
    {
        try
        {
            using var document = JsonDocument.Parse(body.ToArray());
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("issuedAt", out var issued)
                && issued.ValueKind == JsonValueKind.String && DateTimeOffset.TryParse(issued.GetString(), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind, out var at)
                ? at : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private async Task<CommandResult> OpenAsync(OpenCommand open, string command, CancellationToken cancellationToken)
    {
        try
        {
            await actuator.RecordThenActAsync(open.Lane, EventKinds.RemoteOpen, stamp => JsonSerializer.SerializeToUtf8Bytes(
                new RemoteOpenEvent(headers.For(stamp, time.GetUtcNow(), open.Lane), open.Id, open.Operator, open.Reason), EventJson.Default.RemoteOpenEvent),
                Outcome.Allow, _ => LogRemoteOpen(open.Lane, Untrusted.ForLog(open.Operator), Untrusted.ForLog(open.Reason)), cancellationToken).ConfigureAwait(false);
        }
        catch (JournalWriteException ex)
        {
            LogNotRecorded(ex, open.Lane);
            return Refused(open.Id, command, "the command could not be recorded, so the gate stays shut");
        }

        return Result(open.Id, command, Wire.Done, null);
    }

    /// <summary>Puts the events of a gap the centre found back in the backlog; the answer says what this gateway no longer holds.</summary>
    private string Resend((long First, long Last) range)
    {
        var (queued, missing) = journal.Outbox.Resend(range.First, range.Last);
        long last = journal.Outbox.LastSeq;
        string answer = $"{queued} events sent again"
            + (missing.Count == 0 ? "" : $"; not held by this gateway: {string.Join(", ", missing.Select(m => Range(m.First, m.Last)))}")
            + (range.Last > last ? $"; not issued yet: {Range(Math.Max(range.First, last + 1), range.Last)}" : "");
        LogResent(range.First, range.Last, answer);
        return answer;
    }

    private static string Range(long first, long last) => first == last ? $"{first}" : $"{first}-{last}";

    private CommandResult Refused(string? id, string command, string reason)
    {
        LogRejected(Untrusted.ForLog(command, 64), Untrusted.ForLog(reason, 400));
        return Result(id, command, Wire.Rejected, reason);
    }

    private CommandResult Result(string? id, string command, string status, string? reason) =>
        CommandResult.Of(gateway.Id, id, command, status, reason, time.GetUtcNow());

    [LoggerMessage(Level = LogLevel.Warning, Message = "From the centre, '{Command}' refused: {Reason}")]
    private partial void LogRejected(string command, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "The centre asked for events {First}-{Last} again (republish): {Answer}")]
    private partial void LogResent(long first, long last, string answer);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lane {Lane} opened remotely by {Operator}: {Reason}")]
    private partial void LogRemoteOpen(string lane, string @operator, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Lane {Lane}: remote open could not be recorded, the gate stays shut (R2)")]
    private partial void LogNotRecorded(Exception exception, string lane);

    [LoggerMessage(Level = LogLevel.Error, Message = "From the centre, '{Command}' could not be carried out; refused, and the gateway runs on")]
    private partial void LogFailed(Exception exception, string command);
}
