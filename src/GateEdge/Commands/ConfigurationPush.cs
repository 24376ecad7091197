using System.Text;
using GateEdge.Configuration;
using GateEdge.Hosting;
using GateEdge.Journal;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GateEdge.Commands;

/// <summary>
/// Carries out a signed <c>config</c> command: the new file is checked exactly as
/// <c>gateedge config check</c> would, beside the current one; a file with any problem is refused
/// with every problem and changes nothing. A good one replaces the configuration on trial
/// (<see cref="ConfigurationTrial"/>) and the gateway restarts with it; the result follows once it
/// has reached the broker, or once it has been rolled back.
/// </summary>
internal sealed partial class ConfigurationPush(GatewayRestart restart, GatewayConfiguration current, IHostApplicationLifetime lifetime,
    ILogger<ConfigurationPush> logger)
{
    /// <summary>Null when the push is being applied; otherwise why it was refused.</summary>
    public string? Apply(ParsedCommand push)
    {
        try
        {
            return Stage(push);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A read-only configuration folder refuses pushes; the gateway runs on as it is.
            var refused = $"the configuration could not be written beside {restart.ConfigPath}: {ex.Message}";
            LogRefused(push.Id, refused);
            return refused;
        }
    }

    private string? Stage(ParsedCommand push)
    {
        var config = restart.ConfigPath;
        var staged = ConfigurationTrial.StagedPath(config);
        DurableFile.Replace(staged, Encoding.UTF8.GetBytes(push.Config!));
        string? refused;
        try
        {
            refused = IdentityChanges(ConfigFile.Load(staged)) is { Count: > 0 } changes
                ? $"a push cannot change {string.Join(", ", changes)}: that is a reinstallation, done at the gate"
                : null;
        }
        catch (GatewayConfigurationException ex)
        {
            refused = $"{ex.Problems.Count} configuration problem(s): {string.Join("; ", ex.Problems)}";
        }

        if (refused is not null)
        {
            File.Delete(staged);
            LogRefused(push.Id, refused);
            return refused.Length > 2000 ? refused[..2000] + "…" : refused;
        }

        ConfigurationTrial.Begin(config, push.Id);
        LogApplying(push.Id, push.Operator!, push.Reason!);
        restart.Request();
        lifetime.StopApplication();
        return null;
    }

    /// <summary>What names the gateway and where its journal is may not move: events would change topic or be left behind.</summary>
    private List<string> IdentityChanges(GatewayConfiguration next)
    {
        var changes = new List<string>();
        Check("Gateway.Id", current.Gateway.Id, next.Gateway.Id);
        Check("Gateway.CompoundId", current.Gateway.CompoundId, next.Gateway.CompoundId);
        Check("Gateway.GateId", current.Gateway.GateId, next.Gateway.GateId);
        Check("Gateway.StateDirectory", current.Gateway.StateDirectory, next.Gateway.StateDirectory);
        Check("Journal.Path", current.Journal.Path, next.Journal.Path);
        return changes;

        void Check(string setting, string was, string now)
        {
            if (!string.Equals(was, now, StringComparison.Ordinal))
            {
                changes.Add(setting);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Configuration push {Id} refused: {Reason}")]
    private partial void LogRefused(string id, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Configuration push {Id} by {Operator} ({Reason}): restarting with the new configuration, on trial until it reaches the broker")]
    private partial void LogApplying(string id, string @operator, string reason);
}
