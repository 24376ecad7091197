using System.Text;
using GateEdge.Commands;
using GateEdge.Common;
using GateEdge.Configuration;
using GateEdge.Journal;
using GateEdge.Trust;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GateEdge.Hosting;

/// <summary>
/// Carries out a signed <c>config</c> command: the new file is checked exactly as
/// <c>gateedge config check</c> would, beside the current one, and may differ from it only in what
/// <see cref="PushableSettings"/> allows; a file with any problem is refused with every problem and
/// changes nothing. A good one replaces the configuration on trial
/// (<see cref="ConfigurationTrial"/>) and the gateway restarts with it; the result follows once it
/// has reached the broker, or once it has been rolled back.
/// </summary>
internal sealed partial class ConfigurationPush(GatewayRestart restart, IHostApplicationLifetime lifetime,
    ILogger<ConfigurationPush> logger) : IConfigurationPush
{
    private bool _applying;

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
            _ = ConfigFile.Load(staged);
            refused = PushableSettings.Refused(config, staged) is { Count: > 0 } boxOnly
                ? $"a push cannot change {string.Join(", ", boxOnly.Take(12))}{(boxOnly.Count > 12 ? $" and {boxOnly.Count - 12} more" : "")}: " +
                  "a push changes lanes, rules, prompts, device timings and output times; everything else is changed at the gate"
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Configuration push {Id} refused: {Reason}")]
    private partial void LogRefused(string id, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Configuration push {Id} by {Operator} ({Reason}): restarting with the new configuration, on trial until it reaches the broker")]
    private partial void LogApplying(string id, string @operator, string reason);
}
