using System.Text;
using GateEdge.Configuration;
using GateEdge.Hosting;
using GateEdge.Journal;
using Microsoft.Extensions.Hosting;
using GateEdge.Trust;
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
    private bool _applying;

    /// <summary>Null when the push is being applied; otherwise why it was refused.</summary>
    public string? Apply(ConfigCommand push)
    {
        try
        {
            return Stage(push);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A read-only configuration folder refuses pushes; the gateway runs on as it is.
            var refused = $"the configuration could not be written beside {restart.ConfigPath}: {ex.Message}";
            LogRefused(Untrusted.ForLog(push.Id), refused);
            return refused;
        }
        finally
        {
            // Whatever happened, only a push being applied leaves its file behind.
            var staged = ConfigurationTrial.StagedPath(restart.ConfigPath);
            if (!_applying && File.Exists(staged))
            {
                File.Delete(staged);
            }
        }
    }

    private string? Stage(ConfigCommand push)
    {
        var config = restart.ConfigPath;
        var staged = ConfigurationTrial.StagedPath(config);
        DurableFile.Replace(staged, Encoding.UTF8.GetBytes(push.Config));
        string? refused;
        try
        {
            var next = ConfigFile.Load(staged);
            refused = IdentityChanges(next) is { Count: > 0 } changes
                ? $"a push cannot change {string.Join(", ", changes)}: that is a reinstallation, done at the gate"
                : ProtectedSettings.Changed(current, next) is { Count: > 0 } guarded
                ? $"a push cannot change {string.Join(", ", guarded)}: security settings change only on the box"
                : null;
        }
        catch (GatewayConfigurationException ex)
        {
            refused = $"{ex.Problems.Count} configuration problem(s): {string.Join("; ", ex.Problems)}";
        }

        if (refused is not null)
        {
            LogRefused(Untrusted.ForLog(push.Id), Untrusted.ForLog(refused, 2000));
            return refused.Length > 2000 ? refused[..2000] + "…" : refused;
        }

        ConfigurationTrial.Begin(config, push.Id);
        _applying = true;
        LogApplying(Untrusted.ForLog(push.Id), Untrusted.ForLog(push.Operator), Untrusted.ForLog(push.Reason));
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
