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
    ILogger<CommandService> logger,
    ConfigurationPush? configurationPush = null) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var (command, payload) in inbox.Received.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                if (await HandleAsync(command, payload, stoppingToken).ConfigureAwait(false) is { } result)
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
    internal async Task<CommandResult?> HandleAsync(string command, byte[] payload, CancellationToken cancellationToken)
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
            case CommandKind.Config when configurationPush is null:
                return Result(parsed.Id, command, "rejected", "this gateway was not started from a configuration file it can replace");
            case CommandKind.Config:
                return configurationPush.Apply(parsed) is { } refused ? Result(parsed.Id, command, "rejected", refused) : null;
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
        CommandResult.Of(gateway.Id, id, command, status, reason, time.GetUtcNow());

    [LoggerMessage(Level = LogLevel.Warning, Message = "Command '{Command}' rejected: {Reason}")]
    private partial void LogRejected(string command, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lane {Lane} opened remotely by {Operator}: {Reason}")]
    private partial void LogRemoteOpen(string lane, string @operator, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Lane {Lane}: remote open could not be recorded, the gate stays shut (R2)")]
    private partial void LogNotRecorded(Exception exception, string lane);
}
