using GateEdge.Configuration;
using GateEdge.Simulator.Demo;

namespace GateEdge.Simulator.Rehearsal;

/// <summary>
/// <c>GateEdge.Simulator rehearse --config FILE</c> (and <c>gateedge simulate</c>): the technician's
/// own configuration run against simulated devices and an embedded broker on this machine, before
/// any hardware is wired: lanes, rules, registry and device settings as configured, decisions printed
/// as the centre would receive them. Nothing is written beside the configuration.
/// </summary>
internal static class RehearsalRunner
{
    /// <param name="duration">How long to rehearse; null until Ctrl-C.</param>
    public static async Task<int> RunAsync(string configPath, TimeSpan? duration, TextWriter output, CancellationToken cancellationToken)
    {
        if (!File.Exists(configPath))
        {
            output.WriteLine($"{configPath} does not exist");
            return 2;
        }

        var dir = Directory.CreateTempSubdirectory("gateedge-rehearsal-").FullName;
        try
        {
            var links = Path.Combine(dir, "links");
            Directory.CreateDirectory(links);
            await using var broker = await EmbeddedBroker.StartAsync();
            var benchConfig = Path.Combine(dir, "gateedge.json");
            await File.WriteAllTextAsync(benchConfig, RehearsalConfig.Rewrite(configPath, links, Path.Combine(dir, "state"), broker.Port), cancellationToken);

            // Checked as rehearsed: the broker's address and secrets are the bench's, everything else is the technician's.
            GatewayConfiguration config;
            try
            {
                config = ConfigFile.Load(benchConfig);
            }
            catch (GatewayConfigurationException ex)
            {
                output.WriteLine($"{configPath} cannot be rehearsed: {ex.Problems.Count} configuration problem(s):");
                foreach (var problem in ex.Problems)
                {
                    output.WriteLine($"  {problem}");
                }

                return 2;
            }

            var script = RehearsalScript.For(config, output);

            output.WriteLine($"rehearsing {config.Gateway.Id}: {config.Lanes.Count} lane(s), {script.Devices.Count} simulated device(s), "
                + $"{script.Visits.Count} person(s) in turn; embedded broker 127.0.0.1:{broker.Port}. "
                + (duration is { } d ? $"{d.TotalSeconds:0} s." : "Ctrl-C stops."));
            await InProcessGateRun.RunAsync(benchConfig, script, links, broker.Port, duration, output, cancellationToken);
            output.WriteLine("rehearsal over");
            return 0;
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
