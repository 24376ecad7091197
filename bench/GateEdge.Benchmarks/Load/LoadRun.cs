using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using GateEdge.Devices.CardReaders.IdCard;
using GateEdge.Devices.Thermometers.SerialIr;
using GateEdge.Simulator.Devices;
using GateEdge.Simulator.Script;
using MQTTnet;
using MQTTnet.Protocol;

namespace GateEdge.Benchmarks.Load;

/// <summary>
/// The end-to-end load run: K lanes of an ID-card reader and a serial IR thermometer, each on its
/// own pseudo-terminal, played by the simulator in this process at about one presentation per
/// second per lane; the real GateEdge in its own process decides, journals and publishes to a
/// private mosquitto, where this harness subscribes as the centre would.
/// </summary>
internal static class LoadRun
{
    private const int PeoplePerLane = 6;

    public static async Task<LoadResult> RunAsync(int lanes, TimeSpan duration, TextWriter log)
    {
        var dir = Directory.CreateTempSubdirectory("gateedge-load-").FullName;
        try
        {
            using var broker = new PrivateMosquitto();
            broker.Start();
            var links = Path.Combine(dir, "links");
            Directory.CreateDirectory(links);
            var people = Enumerable.Range(0, lanes * PeoplePerLane).Select(i => new SimPerson($"居民{i}", IdNumbers.For(i))).ToList();
            var scripts = Enumerable.Range(1, lanes).Select(lane => LaneScript(lane, people.Skip((lane - 1) * PeoplePerLane).Take(PeoplePerLane).ToList())).ToList();
            var all = new SimulatorScript([.. scripts.SelectMany(s => s.Devices)], people, []);
            await using var gate = new SimulatedGate(all, links);
            int statusPort = Loopback.FreePort();
            var config = WriteConfig(dir, links, lanes, people, broker.Port, statusPort);

            await using var centre = await Centre.ConnectAsync(broker.Port);
            var started = Stopwatch.StartNew();
            await using var gateway = GatewayProcess.Start(config);
            await using var sampler = new ProcessSampler(gateway.Process);
            await centre.Online.WaitAsync(TimeSpan.FromSeconds(60));
            var startToReady = started.Elapsed;
            await gate.GatewayConnected.WaitAsync(TimeSpan.FromSeconds(60));

            using var stop = new CancellationTokenSource();
            var players = scripts.Select(s => new ScriptPlayer(s, gate, TextWriter.Null).PlayAsync(stop.Token)).ToList();
            // The first seconds fill the lanes and warm the JIT; measurement starts once every lane is walking.
            await Task.Delay(TimeSpan.FromSeconds(5));
            using var http = new HttpClient();
            var metricsUrl = $"http://127.0.0.1:{statusPort}/metrics";
            var before = MetricsText.Histogram(await http.GetStringAsync(metricsUrl), "gateedge_decision_seconds").Buckets;
            var from = sampler.Elapsed;
            int decisionsBefore = centre.Passages;
            centre.StartMeasuring();
            await Task.Delay(duration);
            var to = sampler.Elapsed;
            int decisions = centre.Passages - decisionsBefore;
            var buckets = MetricsText.Minus(MetricsText.Histogram(await http.GetStringAsync(metricsUrl), "gateedge_decision_seconds").Buckets, before);
            await stop.CancelAsync();
            await Task.WhenAll(players.Select(p => p.ContinueWith(_ => { }, TaskScheduler.Default)));
            await Task.Delay(TimeSpan.FromSeconds(1));

            var result = new LoadResult(
                lanes,
                (to - from).TotalSeconds,
                decisions,
                decisions / (to - from).TotalSeconds,
                buckets.Count == 0 ? 0 : buckets[^1].Cumulative,
                Ms(MetricsText.Quantile(0.5, buckets)), Ms(MetricsText.Quantile(0.95, buckets)), Ms(MetricsText.Quantile(0.99, buckets)),
                centre.EventLatencyMs(0.5), centre.EventLatencyMs(0.95), centre.EventLatencyMs(0.99),
                sampler.CpuShare(from, to) * 100,
                sampler.PeakRssBytes / 1048576.0,
                sampler.SteadyRssBytes(from) / 1048576.0,
                sampler.SteadyPrivateBytes(from) / 1048576.0,
                startToReady.TotalMilliseconds);
            await gateway.StopAsync();
            log.WriteLine(result);
            return result;
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static double Ms(double seconds) => seconds * 1000;

    private static SimulatorScript LaneScript(int lane, List<SimPerson> people) => new(
        [new($"lane{lane}-idcard", IdCardReaderFamily.Family.Kind), new($"lane{lane}-thermometer", SerialIrThermometerFamily.Family.Kind)],
        people,
        // Normal temperatures that differ as people's do: one value for everyone is what a stuck thermometer reads (docs/rules.md, R3).
        [.. people.Select((p, i) => new SimulatorScript.Visit(p.Name, $"lane{lane}-idcard", $"lane{lane}-thermometer", 36.3m + (i % 7) / 10m, TimeSpan.FromMilliseconds(300)))],
        Loop: true,
        MeasureTime: TimeSpan.FromMilliseconds(300),
        LeaveTime: TimeSpan.FromMilliseconds(150));

    /// <param name="withTagReaders">Each lane also has an RDM6300 tag reader, as the idle lane of docs/performance.md does.</param>
    internal static string WriteConfig(string dir, string links, int lanes, List<SimPerson> people, int brokerPort, int statusPort, bool withTagReaders = false)
    {
        var persons = people.Select((p, i) => $$"""{ "ref": "R-{{i}}", "class": "Resident", "credentials": [ { "kind": "NationalId", "number": "{{p.IdNumber}}" } ] }""");
        File.WriteAllText(Path.Combine(dir, "registry.json"), $$"""{ "persons": [ {{string.Join(",\n", persons)}} ] }""");
        string Tags(int lane) => withTagReaders ? $", \"lane{lane}-tags\"" : "";
        var lanesJson = Enumerable.Range(1, lanes).Select(l =>
            $$"""{ "Id": "lane{{l}}", "CardReaders": [ "lane{{l}}-idcard"{{Tags(l)}} ], "Thermometer": "lane{{l}}-thermometer" }""");
        var tagReaders = Enumerable.Range(1, withTagReaders ? lanes : 0).Select(l => $$"""{ "Name": "lane{{l}}-tags", "Port": "{{links}}/lane{{l}}-tags" }""");
        var readers = Enumerable.Range(1, lanes).Select(l => $$"""{ "Name": "lane{{l}}-idcard", "Port": "{{links}}/lane{{l}}-idcard" }""");
        var thermometers = Enumerable.Range(1, lanes).Select(l => $$"""{ "Name": "lane{{l}}-thermometer", "Port": "{{links}}/lane{{l}}-thermometer" }""");
        var path = Path.Combine(dir, "gateedge.json");
        File.WriteAllText(path, $$"""
            {
              "Gateway": { "Id": "gw-load", "CompoundId": "c-load", "GateId": "north" },
              "Devices": { "IdCardReaders": [ {{string.Join(", ", readers)}} ], "SerialIrThermometers": [ {{string.Join(", ", thermometers)}} ], "Rdm6300Readers": [ {{string.Join(", ", tagReaders)}} ] },
              "Lanes": [ {{string.Join(",\n", lanesJson)}} ],
              "Rules": { "MaskRequired": false },
              "Registry": { "SeedFile": "registry.json" },
              "Mqtt": { "Host": "127.0.0.1", "Port": {{brokerPort}} },
              "StatusPage": { "Listen": "http://127.0.0.1:{{statusPort}}" },
              "Serilog": { "MinimumLevel": { "Default": "Warning" }, "WriteTo": [ { "Name": "Console" } ] }
            }
            """);
        return path;
    }

    /// <summary>The centre's side: waits for the gateway's online status and times each passage from its decision to its arrival.</summary>
    internal sealed class Centre : IAsyncDisposable
    {
        private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
        private readonly TaskCompletionSource _online = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly ConcurrentBag<double> _latencies = [];
        private volatile bool _measuring;
        private int _passages;

        public Task Online => _online.Task;

        public int Passages => Volatile.Read(ref _passages);

        public static async Task<Centre> ConnectAsync(int port)
        {
            var centre = new Centre();
            centre._client.ApplicationMessageReceivedAsync += e => centre.Receive(e.ApplicationMessage);
            await centre._client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).WithClientId("bench-centre").Build());
            await centre._client.SubscribeAsync("gateedge/v1/#", MqttQualityOfServiceLevel.AtLeastOnce);
            return centre;
        }

        public void StartMeasuring() => _measuring = true;

        public double EventLatencyMs(double q)
        {
            var sorted = _latencies.Order().ToList();
            return sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
        }

        private Task Receive(MqttApplicationMessage message)
        {
            var received = DateTimeOffset.UtcNow;
            if (message.Topic.EndsWith("/status", StringComparison.Ordinal) && Encoding.UTF8.GetString(message.Payload.ToArray()).Contains("\"online\"", StringComparison.Ordinal))
            {
                _online.TrySetResult();
            }
            else if (message.Topic.EndsWith("/event/passage", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _passages);
                if (_measuring)
                {
                    using var passage = JsonDocument.Parse(GateEdge.Evidence.GatewayMessage.Split(message.Payload.ToArray()).Body);
                    _latencies.Add((received - passage.RootElement.GetProperty("time").GetDateTimeOffset()).TotalMilliseconds);
                }
            }

            return Task.CompletedTask;
        }

        public async ValueTask DisposeAsync()
        {
            if (_client.IsConnected)
            {
                await _client.DisconnectAsync();
            }

            _client.Dispose();
        }
    }
}

/// <summary>
/// One load run's numbers; latencies in milliseconds, memory in MiB, CPU in % of one core.
/// <see cref="SteadyPrivateMiB"/> is the process's own memory (anonymous and shared-anonymous pages);
/// the rest of its RSS is the runtime's and libraries' files mapped read-only.
/// </summary>
internal sealed record LoadResult(
    int Lanes, double Seconds, int Decisions, double DecisionsPerSecond, long DecisionSamples,
    double DecisionP50Ms, double DecisionP95Ms, double DecisionP99Ms,
    double EventP50Ms, double EventP95Ms, double EventP99Ms,
    double CpuPercent, double PeakRssMiB, double SteadyRssMiB, double SteadyPrivateMiB, double StartToReadyMs);
