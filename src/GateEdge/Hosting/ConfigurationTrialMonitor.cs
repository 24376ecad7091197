using GateEdge.Commands;
using GateEdge.Common;
using GateEdge.Configuration;
using GateEdge.Events;
using GateEdge.Publishing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GateEdge.Hosting;

/// <summary>
/// Settles a pushed configuration (<see cref="ConfigurationTrial"/>). Running on trial, the gateway
/// has <see cref="CommandOptions.ConfigProbation"/> to reach the broker: then the push is confirmed
/// and reported done; otherwise the previous configuration is put back and the gateway restarts
/// with it. Lanes decide as usual throughout. A push rolled back earlier is reported
/// once the gateway is back on the broker.
/// </summary>
internal sealed partial class ConfigurationTrialMonitor(
    GatewayRestart restart,
    GatewayStatePublisher state,
    CommandInbox inbox,
    CommandOptions options,
    GatewayOptions gateway,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<ConfigurationTrialMonitor> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var config = restart.ConfigPath;
        if (ConfigurationTrial.Read(config) is not { } trial)
        {
            return;
        }

        if (trial.Stage == TrialStage.RolledBack)
        {
            LogRolledBack(trial.CommandId, trial.Reason);
        }

        using var probation = trial.Stage == TrialStage.Starting ? new CancellationTokenSource(options.ConfigProbation, time) : new CancellationTokenSource();
        using var either = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, probation.Token);
        try
        {
            await state.Connected.WaitAsync(either.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (probation.IsCancellationRequested && !stoppingToken.IsCancellationRequested)
        {
            LogProbationFailed(options.ConfigProbation.TotalSeconds);
            ConfigurationTrial.RollBack(config, trial, $"it did not reach the broker within {options.ConfigProbation.TotalSeconds:0} s");
            restart.Request();
            lifetime.StopApplication();
            return;
        }
        catch (OperationCanceledException)
        {
            return;
        }

        ConfigurationTrial.Finish(config);
        bool applied = trial.Stage == TrialStage.Starting;
        if (applied)
        {
            LogConfirmed(trial.CommandId);
        }

        inbox.Complete(CommandResult.Of(gateway.Id, trial.CommandId, "config", applied ? Wire.Done : Wire.Rejected, trial.Reason, time.GetUtcNow()));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The pushed configuration did not reach the broker within {Seconds} s; going back to the previous configuration")]
    private partial void LogProbationFailed(double seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Configuration push {Id}: {Reason}")]
    private partial void LogRolledBack(string? id, string? reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Configuration push {Id} confirmed: the gateway reached the broker with it")]
    private partial void LogConfirmed(string? id);
}
