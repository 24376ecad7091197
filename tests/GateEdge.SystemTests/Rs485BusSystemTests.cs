using System.Globalization;
using System.Text.RegularExpressions;
using GateEdge.SystemTests.Support;
using Xunit.Abstractions;

namespace GateEdge.SystemTests;

/// <summary>
/// A four-lane gate wired as installers wire it: four OSDP readers on one RS-485 line and two
/// Modbus heads on another, one virtual port each. Every lane is decided right; when one reader is
/// cut from its line, it alone goes offline, the others keep their poll rate (measured from the
/// gateway's own frame counters on /metrics and reported) and their lanes keep deciding.
/// </summary>
public sealed partial class Rs485BusSystemTests(ITestOutputHelper output) : GateTest
{
    private static readonly string[] Lanes = ["lane1", "lane2", "lane3", "lane4"];

    [Fact]
    public async Task Four_readers_on_one_bus_and_two_heads_on_another_decide_every_lane_and_a_cut_reader_takes_nothing_from_the_others()
    {
        int port = Loopback.FreePort();
        WriteConfig(port);
        WriteScript();
        await using var centre = await CentreSubscriber.ConnectAsync(Broker.Port);
        await using var gateway = ChildProcess.StartDotnet(RepoPaths.GateEdgeDll, "--config", Path.Combine(Gate.Dir, "gateedge.json"));
        await using var simulator = Gate.StartSimulator();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

        // Round one: a resident at each lane, a stranger at lane 4.
        await Eventually.True(() => centre.Passages.Count() >= 5, () => $"five passages; gateway printed:\n{gateway.Output}", TimeSpan.FromSeconds(60));
        var first = centre.Passages.ToArray();
        Assert.Equal([("lane1", "allow", "R-1", 36.5m), ("lane2", "allow", "R-2", 36.6m), ("lane3", "allow", "R-3", 36.7m), ("lane4", "allow", "R-4", 36.8m), ("lane4", "deny", null, 36.9m)],
            first.Select(Summary));

        // The poll rate of each reader before the cut, then while lane 2's reader is off its line.
        var before = await RatesAsync(http, TimeSpan.FromSeconds(3));
        Assert.DoesNotContain("fault: lane2-reader", simulator.Output, StringComparison.Ordinal);
        await simulator.WaitForLineAsync("fault: lane2-reader unplug", TimeSpan.FromSeconds(30));
        await Eventually.True(() => centre.Messages.Any(m => m.Topic.EndsWith("/device/lane2-reader/status", StringComparison.Ordinal)
            && m.Payload.GetProperty("state").GetString() == "offline"), "the cut reader reported offline", TimeSpan.FromSeconds(15));
        var during = await RatesAsync(http, TimeSpan.FromSeconds(3));
        foreach (var reader in new[] { "lane1-reader", "lane3-reader", "lane4-reader" })
        {
            double ratio = during[reader] / before[reader];
            output.WriteLine($"{reader}: {before[reader]:0.0} polls/s before the cut, {during[reader]:0.0} while lane2-reader is cut ({ratio:P0})");
            // Within 10 % is the aim (reported above); this bound only catches a reader starved by the silent one.
            Assert.InRange(ratio, 0.75, 1.25);
        }

        // Round two, while lane 2's reader is cut: the other lanes decide as before.
        await Eventually.True(() => centre.Passages.Count() >= 8, () => $"three more passages; simulator printed:\n{simulator.Output}", TimeSpan.FromSeconds(60));
        Assert.Equal([("lane1", "allow", "R-1", 36.5m), ("lane3", "allow", "R-3", 36.7m), ("lane4", "retest", "R-4", 38.4m)],
            centre.Passages.Skip(5).Take(3).Select(Summary));
        Assert.All(centre.Passages.Skip(5).Take(3), p => Assert.DoesNotContain(p.GetProperty("devices").EnumerateObject(), d => d.Value.GetString() != "online"));
        Assert.DoesNotContain(centre.Messages, m => m.Topic.EndsWith("/status", StringComparison.Ordinal) && m.Topic.Contains("/device/", StringComparison.Ordinal)
            && !m.Topic.Contains("lane2-reader", StringComparison.Ordinal) && m.Payload.GetProperty("state").GetString() == "offline");
    }

    private static (string?, string?, string?, decimal) Summary(System.Text.Json.JsonElement p) =>
        (p.GetProperty("lane").GetString(), p.GetProperty("outcome").GetString(),
         p.GetProperty("person").GetProperty("ref").ValueKind == System.Text.Json.JsonValueKind.Null ? null : p.GetProperty("person").GetProperty("ref").GetString(),
         p.GetProperty("temperature").GetProperty("bodyC").GetDecimal());

    /// <summary>Good frames per second of each device over <paramref name="window"/>, from /metrics: one per answered poll.</summary>
    private static async Task<Dictionary<string, double>> RatesAsync(HttpClient http, TimeSpan window)
    {
        var start = Frames(await http.GetStringAsync("/metrics"));
        var started = DateTime.UtcNow;
        await Task.Delay(window);
        var end = Frames(await http.GetStringAsync("/metrics"));
        double seconds = (DateTime.UtcNow - started).TotalSeconds;
        return end.ToDictionary(e => e.Key, e => (e.Value - start.GetValueOrDefault(e.Key)) / seconds);
    }

    private static Dictionary<string, double> Frames(string metrics) =>
        FrameCounter().Matches(metrics).ToDictionary(m => m.Groups[1].Value, m => double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));

    [GeneratedRegex(@"^gateedge_device_frames_total\{device=""([^""]+)""\} (\d+)", RegexOptions.Multiline)]
    private static partial Regex FrameCounter();

    private void WriteConfig(int statusPort)
    {
        string links = Gate.Links;
        File.WriteAllText(Path.Combine(Gate.Dir, "registry.json"), """
            { "persons": [
              { "ref": "R-1", "class": "Resident", "credentials": [ { "kind": "CompoundCard", "number": "101/1001" } ] },
              { "ref": "R-2", "class": "Resident", "credentials": [ { "kind": "CompoundCard", "number": "102/1002" } ] },
              { "ref": "R-3", "class": "Resident", "credentials": [ { "kind": "CompoundCard", "number": "103/1003" } ] },
              { "ref": "R-4", "class": "Resident", "credentials": [ { "kind": "CompoundCard", "number": "104/1004" } ] } ] }
            """);
        // One pace whoever stands at a lane: the rates compared are the bus's doing, not the lanes' attention.
        var readers = Lanes.Select((lane, i) => $$"""{ "Name": "{{lane}}-reader", "Port": "{{links}}/readers", "Address": {{i + 1}}, "OfflineAfter": "00:00:03", "AttendedPollInterval": "00:00:00.2" }""");
        var lanes = Lanes.Select((lane, i) => $$"""{ "Id": "{{lane}}", "CardReaders": [ "{{lane}}-reader" ], "Thermometer": "{{(i < 2 ? "head1" : "head2")}}" }""");
        File.WriteAllText(Path.Combine(Gate.Dir, "gateedge.json"), $$"""
            {
              "Gateway": { "Id": "gw-7", "CompoundId": "c-7", "GateId": "east", "StateDirectory": "{{Gate.StateDirectory}}" },
              "StatusPage": { "Listen": "http://127.0.0.1:{{statusPort}}" },
              "Devices": {
                "OsdpReaders": [ {{string.Join(",\n", readers)}} ],
                "ModbusThermometers": [ { "Name": "head1", "Port": "{{links}}/heads", "Address": 1 }, { "Name": "head2", "Port": "{{links}}/heads", "Address": 2 } ]
              },
              "Lanes": [ {{string.Join(",\n", lanes)}} ],
              "Rules": { "MaskRequired": false, "DuplicateWindow": "00:00:00" },
              "Registry": { "SeedFile": "registry.json" },
              "Mqtt": { "Host": "127.0.0.1", "Port": {{Broker.Port}} },
              "Serilog": { "MinimumLevel": { "Default": "Information" }, "WriteTo": [ { "Name": "Console" } ] }
            }
            """);
    }

    /// <summary>
    /// Round one at each lane (about 6 s), then lane 2's reader cut from its line at 16 s for 30 s,
    /// and round two at lanes 1, 3 and 4 from about 20 s (a first fever reading at lane 4).
    /// </summary>
    private void WriteScript()
    {
        static string Visit(int resident, string lane, string head, decimal bodyC, string after) =>
            $$"""{ "person": "居民{{resident}}", "reader": "{{lane}}-reader", "thermometer": "{{head}}", "bodyC": {{bodyC.ToString(CultureInfo.InvariantCulture)}}, "after": "{{after}}" }""";
        var devices = Lanes.Select((lane, i) => $$"""{ "name": "{{lane}}-reader", "kind": "osdp-reader", "port": "readers", "address": {{i + 1}} }""")
            .Append("""{ "name": "head1", "kind": "modbus-thermometer", "port": "heads", "address": 1 }""")
            .Append("""{ "name": "head2", "kind": "modbus-thermometer", "port": "heads", "address": 2 }""");
        string[] visits =
        [
            Visit(1, "lane1", "head1", 36.5m, "00:00:00.2"), Visit(2, "lane2", "head1", 36.6m, "00:00:00.2"),
            Visit(3, "lane3", "head2", 36.7m, "00:00:00.2"), Visit(4, "lane4", "head2", 36.8m, "00:00:00.2"),
            Visit(5, "lane4", "head2", 36.9m, "00:00:00.2"),
            Visit(1, "lane1", "head1", 36.5m, "00:00:14"), Visit(3, "lane3", "head2", 36.7m, "00:00:00.2"), Visit(4, "lane4", "head2", 38.4m, "00:00:00.2"),
        ];
        File.WriteAllText(Path.Combine(Gate.Dir, "script.json"), $$"""
            {
              "devices": [ {{string.Join(",\n", devices)}} ],
              "people": [
                { "name": "居民1", "idNumber": "11010519491231002X", "compoundCard": "101/1001" },
                { "name": "居民2", "idNumber": "440304198506120035", "compoundCard": "102/1002" },
                { "name": "居民3", "idNumber": "110101199003072316", "compoundCard": "103/1003" },
                { "name": "居民4", "idNumber": "11010519491231002X", "compoundCard": "104/1004" },
                { "name": "居民5", "idNumber": "440304198506120035", "compoundCard": "199/9999" } ],
              "visits": [ {{string.Join(",\n", visits)}} ],
              "faults": [ { "device": "lane2-reader", "fault": "unplug", "at": "00:00:16", "for": "00:00:30" } ],
              "measureTime": "00:00:00.6",
              "leaveTime": "00:00:00.4"
            }
            """);
    }
}
