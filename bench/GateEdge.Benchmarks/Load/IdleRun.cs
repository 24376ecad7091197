using System.Diagnostics;
using GateEdge.Devices.CardReaders.IdCard;
using GateEdge.Devices.CardReaders.Rdm6300;
using GateEdge.Devices.Thermometers.SerialIr;
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
    public static async Task<IdleResult> RunAsync(int lanes, TimeSpan duration, TextWriter log)
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
            await using var gateway = GatewayProcess.Start(config);
            await using var sampler = new ProcessSampler(gateway.Process);
            await centre.Online.WaitAsync(TimeSpan.FromSeconds(60));
            var startToReady = started.Elapsed;
            await gate.GatewayConnected.WaitAsync(TimeSpan.FromSeconds(60));
            // Past start-up and the first collections: the gate as it is for the rest of the day.
            await Task.Delay(TimeSpan.FromSeconds(10));
            var from = sampler.Elapsed;
            await Task.Delay(duration);
            var to = sampler.Elapsed;
            var result = new IdleResult(lanes, (to - from).TotalSeconds, sampler.CpuShare(from, to) * 60,
                sampler.SteadyRssBytes(from) / 1048576.0, startToReady.TotalMilliseconds);
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

/// <summary>A gate at rest: CPU in seconds per minute of the gateway process, resident memory in MiB.</summary>
internal sealed record IdleResult(int Lanes, double Seconds, double CpuSecondsPerMinute, double SteadyRssMiB, double StartToReadyMs);
