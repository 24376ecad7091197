using GateEdge.Trust;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using GateEdge.Devices.CardReaders.IdCard;
using GateEdge.Devices.Thermometers.SerialIr;
using GateEdge.Journal;
using GateEdge.Simulator.Devices;
using GateEdge.Simulator.Script;
using Microsoft.Extensions.Logging.Abstractions;

namespace GateEdge.Benchmarks.Load;

/// <summary>
/// A gateway coming back to its broker with a backlog: the journal is filled with N passages
/// through the gateway's own journal code (as if decided while the broker was down), then the real
/// GateEdge starts with one lane deciding throughout and the time to an empty backlog is taken
/// from its status API. In the same run, the raw MQTTnet baseline on the same broker.
/// </summary>
internal static class BacklogRun
{
    public static async Task<BacklogResult> RunAsync(int events, TextWriter log)
    {
        var dir = Directory.CreateTempSubdirectory("gateedge-backlog-").FullName;
        try
        {
            using var broker = new PrivateMosquitto();
            broker.Start();
            var fill = Stopwatch.StartNew();
            await using (var journal = new EventJournal(Path.Combine(dir, "state", "journal.db"), 512, TimeProvider.System, NullLogger<EventJournal>.Instance, GatewayKey.LoadOrCreate(Path.Combine(dir, "state"))))
            {
                for (int done = 0; done < events; done += 10_000)
                {
                    await Task.WhenAll(Enumerable.Range(0, Math.Min(10_000, events - done)).Select(_ => journal.Appender.AppendAsync(SamplePassage.Topic, s => SamplePassage.Payload(s.Id, s.Seq))));
                }
            }

            log.WriteLine($"journal filled with {events} events in {fill.Elapsed.TotalSeconds:0.0} s ({events / fill.Elapsed.TotalSeconds:0}/s)");
            var (raw, rawCpu) = await RawPublishBaseline.MessagesPerSecondAsync(broker.Port, Math.Min(events, 200_000));
            log.WriteLine($"raw MQTTnet QoS 1 baseline: {raw:0} messages/s, {rawCpu:0.0} CPU-µs per message");

            var links = Path.Combine(dir, "links");
            Directory.CreateDirectory(links);
            var people = Enumerable.Range(0, 6).Select(i => new SimPerson($"居民{i}", IdNumbers.For(i))).ToList();
            var script = new SimulatorScript(
                [new("lane1-idcard", IdCardReaderFamily.Family.Kind), new("lane1-thermometer", SerialIrThermometerFamily.Family.Kind)], people,
                [.. people.Select((p, i) => new SimulatorScript.Visit(p.Name, "lane1-idcard", "lane1-thermometer", 36.3m + (i % 7) / 10m, TimeSpan.FromMilliseconds(300)))],
                Loop: true, MeasureTime: TimeSpan.FromMilliseconds(300), LeaveTime: TimeSpan.FromMilliseconds(150));
            await using var gate = new SimulatedGate(script, links);
            int statusPort = Loopback.FreePort();
            var registry = string.Join(",", people.Select((p, i) => $$"""{ "ref": "R-{{i}}", "class": "Resident", "credentials": [ { "kind": "NationalId", "number": "{{p.IdNumber}}" } ] }"""));
            await File.WriteAllTextAsync(Path.Combine(dir, "registry.json"), $$"""{ "persons": [ {{registry}} ] }""");
            var config = Path.Combine(dir, "gateedge.json");
            await File.WriteAllTextAsync(config, $$"""
                {
                  "Gateway": { "Id": "gw-load", "CompoundId": "c-load", "GateId": "north" },
                  "Devices": { "IdCardReaders": [ { "Name": "lane1-idcard", "Port": "{{links}}/lane1-idcard" } ],
                               "SerialIrThermometers": [ { "Name": "lane1-thermometer", "Port": "{{links}}/lane1-thermometer" } ] },
                  "Lanes": [ { "Id": "lane1", "CardReaders": [ "lane1-idcard" ], "Thermometer": "lane1-thermometer" } ],
                  "Rules": { "MaskRequired": false },
                  "Registry": { "SeedFile": "registry.json" },
                  "Mqtt": { "Host": "127.0.0.1", "Port": {{broker.Port}} },
                  "StatusPage": { "Listen": "http://127.0.0.1:{{statusPort}}" },
                  "Serilog": { "MinimumLevel": { "Default": "Warning" }, "WriteTo": [ { "Name": "Console" } ] }
                }
                """);

            await using var gateway = GatewayProcess.Start(config);
            using var stop = new CancellationTokenSource();
            var lane = PlayWhenPolled(gate, script, stop.Token);
            using var http = new HttpClient();
            var status = $"http://127.0.0.1:{statusPort}/api/status";
            Stopwatch? draining = null;
            var cpuAtConnect = TimeSpan.Zero;
            long lastBacklog = events;
            var deadline = Stopwatch.StartNew();
            while (deadline.Elapsed < TimeSpan.FromMinutes(10))
            {
                await Task.Delay(100);
                JsonElement snapshot;
                try
                {
                    snapshot = await http.GetFromJsonAsync<JsonElement>(status);
                }
                catch (HttpRequestException)
                {
                    continue;
                }

                if (draining is null && snapshot.GetProperty("broker").GetProperty("connected").GetBoolean())
                {
                    draining = Stopwatch.StartNew();
                    gateway.Process.Refresh();
                    cpuAtConnect = gateway.Process.TotalProcessorTime;
                }

                lastBacklog = snapshot.GetProperty("journal").GetProperty("backlog").GetInt64();
                if (draining is not null && lastBacklog == 0)
                {
                    gateway.Process.Refresh();
                    break;
                }
            }

            var drained = draining?.Elapsed ?? deadline.Elapsed;
            double gatewayCpu = (gateway.Process.TotalProcessorTime - cpuAtConnect).TotalMicroseconds / events;
            var decided = (await http.GetFromJsonAsync<JsonElement>(status)).GetProperty("journal").GetProperty("lastSeq").GetInt64() - events;
            await stop.CancelAsync();
            await lane;
            await gateway.StopAsync();
            var result = new BacklogResult(events, drained.TotalSeconds, lastBacklog == 0 ? events / drained.TotalSeconds : double.NaN, raw, decided, gatewayCpu, rawCpu);
            log.WriteLine(result);
            return result;
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static async Task PlayWhenPolled(SimulatedGate gate, SimulatorScript script, CancellationToken cancellationToken)
    {
        try
        {
            await gate.GatewayConnected.WaitAsync(cancellationToken);
            await new ScriptPlayer(script, gate, TextWriter.Null).PlayAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }
    }
}

/// <param name="DecidedMeanwhile">Passages the lane decided while the backlog drained (it must not stall).</param>
/// <param name="GatewayCpuMicrosPerEvent">The gateway's CPU per event drained (everything it did meanwhile included).</param>
/// <param name="RawCpuMicrosPerMessage">The raw MQTTnet client's CPU per message.</param>
internal sealed record BacklogResult(int Events, double DrainSeconds, double EventsPerSecond, double RawMessagesPerSecond, long DecidedMeanwhile,
    double GatewayCpuMicrosPerEvent, double RawCpuMicrosPerMessage)
{
    public double Ratio => EventsPerSecond / RawMessagesPerSecond;
}
