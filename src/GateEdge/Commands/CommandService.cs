using System.Text.Json;
using GateEdge.Configuration;
using GateEdge.Events;
using GateEdge.Journal;
using GateEdge.Outputs;
using GateEdge.Publishing;
using GateEdge.Registry;
using GateEdge.Rules;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GateEdge.Commands;

/// <summary>
/// Carries out commands from the centre one at a time: each is checked by the parser, acted on
/// (a remote open is journalled before the relay moves, as every passage is), and answered.
/// </summary>
internal sealed partial class CommandService(
    CommandInbox inbox,
    CommandParser parser,
    LiveRegistry registry,
    EventJournal journal,
    IGateOutputs outputs,
    GatewayOptions gateway,
    Topics topics,
    TimeProvider time,
    ILogger<CommandService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var (command, payload) in inbox.Received.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                inbox.Complete(await HandleAsync(command, payload, stoppingToken).ConfigureAwait(false));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    internal async Task<CommandResult> HandleAsync(string command, byte[] payload, CancellationToken cancellationToken)
    {
        if (command.StartsWith("lists/", StringComparison.Ordinal))
        {
            var (id, refused) = registry.Apply(command["lists/".Length..], payload);
            if (refused is not null)
            {
                LogRejected(command, refused);
            }

            return Result(id, command, refused is null ? "done" : "rejected", refused);
        }

        var (parsed, rejection) = parser.Parse(command, payload, time.GetUtcNow());
        if (parsed is null)
        {
            LogRejected(command, rejection!.Reason);
            return Result(rejection.Id, command, "rejected", rejection.Reason);
        }

        switch (parsed.Kind)
        {
            case CommandKind.Republish:
                inbox.RequestRepublish();
                return Result(parsed.Id, command, "done", null);
            default:
                return await OpenAsync(parsed, command, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<CommandResult> OpenAsync(ParsedCommand open, string command, CancellationToken cancellationToken)
    {
        try
        {
            await journal.AppendAsync(topics.RemoteOpenEvents, stamp => JsonSerializer.SerializeToUtf8Bytes(
                new RemoteOpenEvent(RemoteOpenEvent.SchemaId, stamp.Id.ToString(), stamp.Seq, time.GetUtcNow(), gateway.CompoundId, gateway.GateId,
                    gateway.Id, open.Lane!, open.Id, open.Operator!, open.Reason!), EventJson.Default.RemoteOpenEvent)).ConfigureAwait(false);
        }
        catch (JournalWriteException ex)
        {
            LogNotRecorded(ex, open.Lane!);
            return Result(open.Id, command, "rejected", "the command could not be recorded, so the gate stays shut");
        }

        LogRemoteOpen(open.Lane!, open.Operator!, open.Reason!);
        await outputs.SignalAsync(open.Lane!, Outcome.Allow, cancellationToken).ConfigureAwait(false);
        return Result(open.Id, command, "done", null);
    }

    private CommandResult Result(string? id, string command, string status, string? reason) =>
        new(CommandResult.SchemaId, gateway.Id, id, command.Length > 40 ? command[..40] : command, status, reason, time.GetUtcNow());

    [LoggerMessage(Level = LogLevel.Warning, Message = "Command '{Command}' rejected: {Reason}")]
    private partial void LogRejected(string command, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lane {Lane} opened remotely by {Operator}: {Reason}")]
    private partial void LogRemoteOpen(string lane, string @operator, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Lane {Lane}: remote open could not be recorded, the gate stays shut (R2)")]
    private partial void LogNotRecorded(Exception exception, string lane);
}
