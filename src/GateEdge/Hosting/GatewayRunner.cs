using GateEdge.Configuration;
using Microsoft.Extensions.Hosting;
using Serilog;

namespace GateEdge.Hosting;

/// <summary>
/// Runs the gateway until it is stopped, starting it again in the same process when a pushed
/// configuration asks for it. Before every start, a push on trial moves a stage forward or is
/// rolled back (<see cref="ConfigurationTrial"/>), so a configuration the gateway cannot start
/// with, or cannot reach the broker with, never sticks.
/// </summary>
internal static class GatewayRunner
{
    public static Serilog.ILogger BootstrapLogger() => new LoggerConfiguration().WriteTo.Console().CreateBootstrapLogger();

    /// <returns>The process exit code: 0 stopped, 1 a fatal error, 2 a configuration it cannot start with.</returns>
    public static async Task<int> RunAsync(string configPath, CancellationToken cancellationToken)
    {
        configPath = Path.GetFullPath(configPath);
        while (true)
        {
            var trial = File.Exists(configPath) ? ConfigurationTrial.BeforeStart(configPath) : null;
            var restart = new GatewayRestart(configPath);
            IHost host;
            try
            {
                host = GatewayHost.Build(configPath, [], restart);
            }
            catch (Exception ex) when (trial?.Stage == TrialStage.Starting)
            {
                ConfigurationTrial.RollBack(configPath, trial, $"the gateway could not start with it: {ex.Message}");
                continue;
            }

            using (host)
            {
                await host.RunAsync(cancellationToken).ConfigureAwait(false);
            }

            // The host's logger went with the host; until the next one is built, log to the console.
            Log.Logger = BootstrapLogger();

            if (!restart.Requested || cancellationToken.IsCancellationRequested)
            {
                // The last line of a run, so a log (or journalctl) shows a stop from a crash.
                Log.Information("GateEdge stopped (exit code {ExitCode})", Environment.ExitCode);
                return Environment.ExitCode;
            }

            Log.Information("Starting again with the configuration in {Path}", configPath);
        }
    }
}
