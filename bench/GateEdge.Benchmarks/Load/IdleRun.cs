using System.Diagnostics;
using GateEdge.Devices.CardReaders.IdCard;
using GateEdge.Devices.CardReaders.IdCard.Protocol;
using GateEdge.Devices.CardReaders.Rdm6300;
using GateEdge.Devices.Thermometers.SerialIr;
using GateEdge.Devices.Thermometers.SerialIr.Protocol;
using GateEdge.Simulator.Devices;
using GateEdge.Simulator.Script;

namespace GateEdge.Benchmarks.Load;

/// <summary>
/// A gate at rest: K lanes, each an ID-card reader the gateway polls, a serial IR thermometer it
/// queries and an RDM6300 that stays silent, all on pseudo-terminals, and nobody at the gate.
/// What the gateway process costs doing nothing: CPU-seconds per minute and resident memory.
/// </summary>
internal static class IdleRun
{
    /// <summary>Builds the select() loop and starts it on the lanes' ports, each polled as GateEdge polls it by default.</summary>
    private static async Task<GatewayProcess> StartFloorAsync(string dir, string links, int lanes)
    {
        string binary = Path.Combine(dir, "idle-floor");
        using (var compile = Process.Start("cc", ["-O2", "-o", binary, Path.Combine(AppContext.BaseDirectory, "idle-floor.c")]))
        {
            await compile.WaitForExitAsync();
            if (compile.ExitCode != 0)
            {
                throw new InvalidOperationException("idle-floor.c did not compile (cc is needed for --floor)");
            }
        }

        return GatewayProcess.Start(binary, Enumerable.Range(1, lanes).SelectMany(l => new[]
        {
            $"{new IdCardReaderOptions().PollInterval.TotalMilliseconds}:{links}/lane{l}-idcard:{Convert.ToHexString(SamCommands.FindCard)}",
            $"{new SerialIrThermometerOptions().PollInterval.TotalMilliseconds}:{links}/lane{l}-thermometer:{Convert.ToHexString(GyProtocol.SingleQuery)}",
            $"0:{links}/lane{l}-tags:",
        }));
    }

    /// <summary>Times the process's threads have blocked so far (voluntary context switches, summed over /proc/PID/task).</summary>
    private static long Sleeps(int pid) => Directory.EnumerateDirectories($"/proc/{pid}/task").Sum(task =>
    {
        try
        {
            var line = File.ReadLines(Path.Combine(task, "status")).First(l => l.StartsWith("voluntary_ctxt_switches:", StringComparison.Ordinal));
            return long.Parse(line.AsSpan(line.IndexOf(':') + 1).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0; // a thread that ended meanwhile
        }
    });

    /// <param name="floor">Poll the devices with <c>idle-floor.c</c>, a bare select() loop, instead of GateEdge: what the I/O itself costs.</param>
    public static async Task<IdleResult> RunAsync(int lanes, TimeSpan duration, bool floor, TextWriter log)
    {
        var dir = Directory.CreateTempSubdirectory("gateedge-idle-").FullName;
        try
        {
            using var broker = new PrivateMosquitto();
            broker.Start();
            var links = Path.Combine(dir, "links");
            Directory.CreateDirectory(links);
            var people = new List<SimPerson> { new("居民0", IdNumbers.For(0)) };
            var devices = Enumerable.Range(1, lanes).SelectMany(l => new SimulatorScript.Device[]
            {
                new($"lane{l}-idcard", IdCardReaderFamily.Family.Kind),
                new($"lane{l}-thermometer", SerialIrThermometerFamily.Family.Kind),
                new($"lane{l}-tags", Rdm6300ReaderFamily.Family.Kind),
            });
            await using var gate = new SimulatedGate(new SimulatorScript([.. devices], people, []), links);
            var config = LoadRun.WriteConfig(dir, links, lanes, people, broker.Port, Loopback.FreePort(), withTagReaders: true);

            await using var centre = await LoadRun.Centre.ConnectAsync(broker.Port);
            var started = Stopwatch.StartNew();
            await using var gateway = floor ? await StartFloorAsync(dir, links, lanes) : GatewayProcess.Start(config);
            await using var sampler = new ProcessSampler(gateway.Process);
            if (!floor)
            {
                await centre.Online.WaitAsync(TimeSpan.FromSeconds(60));
            }

            var startToReady = started.Elapsed;
            await gate.GatewayConnected.WaitAsync(TimeSpan.FromSeconds(60));
            // Past start-up and the first collections: the gate as it is for the rest of the day.
            await Task.Delay(TimeSpan.FromSeconds(10));
            var from = sampler.Elapsed;
            long sleepsBefore = Sleeps(gateway.Process.Id);
            await Task.Delay(duration);
            long sleeps = Sleeps(gateway.Process.Id) - sleepsBefore;
            var to = sampler.Elapsed;
            var result = new IdleResult(lanes, (to - from).TotalSeconds, sampler.CpuShare(from, to) * 60,
                sleeps / (to - from).TotalSeconds, sampler.SteadyRssBytes(from) / 1048576.0, startToReady.TotalMilliseconds);
            await gateway.StopAsync();
            log.WriteLine(result);
            return result;
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}

/// <summary>
/// A gate at rest: CPU in seconds per minute of the gateway process, how often its threads went to
/// sleep (each one woke again: the count does not depend on the machine, the cost of a wake-up
/// does), resident memory in MiB.
/// </summary>
internal sealed record IdleResult(int Lanes, double Seconds, double CpuSecondsPerMinute, double WakeupsPerSecond, double SteadyRssMiB, double StartToReadyMs);
