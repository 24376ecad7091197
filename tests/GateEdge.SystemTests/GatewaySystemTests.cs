using System.Globalization;
using System.Text.Json;
using GateEdge.SystemTests.Support;

namespace GateEdge.SystemTests;

/// <summary>
/// The real GateEdge process reading the simulator over pseudo-terminals and publishing to a
/// real mosquitto, observed only from outside: what a central subscriber receives.
/// </summary>
public sealed class GatewaySystemTests : IAsyncLifetime
{
    private ITestBroker? _broker;
    private TestGate? _gate;

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>The same scenario on mosquitto and on RabbitMQ (a broker that clusters, MQTT 3.1.1): nothing broker-specific is needed.</summary>
    [Theory]
    [InlineData("mosquitto")]
    [InlineData("rabbitmq")]
    public async Task Three_people_produce_exactly_the_expected_events_at_the_centre(string broker)
    {
        _broker = await ITestBroker.StartAsync(broker);
        _gate = new TestGate(_broker.Port);
        await using var centre = await CentreSubscriber.ConnectAsync(_broker.Port);
        var startedAt = DateTimeOffset.UtcNow;
        _gate.WriteGatewayConfig(mqtt: $"\"ProtocolVersion\": \"{_broker.ProtocolVersion}\"");
        _gate.WriteScript([(0, 36.6m, "00:00:00.2"), (1, 38.1m, "00:00:00.5"), (1, 38.1m, "00:00:02.5"), (2, 30.0m, "00:00:00.5")]);
        await using var gateway = _gate.StartGateway();
        await Eventually.True(() => centre.Messages.Any(m => m.Topic.EndsWith("/status", StringComparison.Ordinal) && State(m.Payload) == "online"),
            "the gateway to announce itself online", TimeSpan.FromSeconds(30));

        await using var simulator = _gate.StartSimulator();
        await simulator.WaitForLineAsync("script done", TimeSpan.FromSeconds(60));
        await Eventually.True(() => centre.Passages.Count() >= 4, "four passage events", TimeSpan.FromSeconds(30));

        var events = centre.Passages.ToArray();
        Assert.Equal(4, events.Length);
        Assert.Equal(["allow", "retest", "deny", "retest"], events.Select(e => e.GetProperty("outcome").GetString()));
        Assert.Equal([1L, 3L, 4L, 5L], events.Select(e => e.GetProperty("seq").GetInt64()));
        // The one opening is followed by the record of what the relay did about it, in the same chain.
        await Eventually.True(() => centre.SeqCount >= 5, "the opening's actuation record", TimeSpan.FromSeconds(10));
        var actuation = Assert.Single(centre.Events, e => e.GetProperty("schema").GetString() == "gateedge.actuation/1");
        Assert.Equal((2L, 1L, "pulsed"), (actuation.GetProperty("seq").GetInt64(), actuation.GetProperty("forSeq").GetInt64(), actuation.GetProperty("relay").GetString()));
        Assert.Equal(events[0].GetProperty("id").GetString(), actuation.GetProperty("for").GetString());
        Assert.Equal(["R1,R3", "R3", "R3", "R3"], events.Select(e => string.Join(",", e.GetProperty("rules").EnumerateArray().Select(r => r.GetString()))));
        Assert.Equal(["normal", "fever", "fever", "invalid"], events.Select(e => e.GetProperty("temperature").GetProperty("status").GetString()));
        Assert.Equal([36.6m, 38.1m, 38.1m, 30.0m], events.Select(e => e.GetProperty("temperature").GetProperty("bodyC").GetDecimal()));
        Assert.Equal(["110105********002X", "440304********0035", "440304********0035", "420106********0041"],
            events.Select(e => e.GetProperty("credential").GetProperty("masked").GetString()));
        Assert.Equal(["R-1", "R-2", "R-2", "R-3"], events.Select(e => e.GetProperty("person").GetProperty("ref").GetString()));
        Assert.Equal(["张*", "李*", "李*", "王*"], events.Select(e => e.GetProperty("person").GetProperty("name").GetString()));
        Assert.Equal([[], [], ["fever"], []], events.Select(e => e.GetProperty("alarms").EnumerateArray().Select(a => a.GetString()!).ToArray()));
        Assert.Equal("second reading 38.1 °C is at or above 37.3 °C: fever", events[2].GetProperty("reasons")[0].GetString());
        Assert.Equal(["registered,temperature-normal", "fever-retest", "fever", "reading-out-of-range"],
            events.Select(e => string.Join(",", e.GetProperty("reasonCodes").EnumerateArray().Select(r => r.GetString()))));
        Assert.Equal("reading 30.0 °C is outside 34.0 °C–42.5 °C: measure again", events[3].GetProperty("reasons")[0].GetString());

        var ids = new HashSet<Guid>();
        foreach (var e in events)
        {
            Assert.Equal("gateedge.passage/4", e.GetProperty("schema").GetString());
            Assert.True(ids.Add(Guid.Parse(e.GetProperty("id").GetString()!)));
            Assert.Equal(7, Guid.Parse(e.GetProperty("id").GetString()!).Version);
            Assert.InRange(e.GetProperty("time").GetDateTimeOffset(), startedAt, DateTimeOffset.UtcNow);
            Assert.Equal(("c-7", "east", "gw-7", "lane1", "in", "unattended"), (Str(e, "compound"), Str(e, "gate"), Str(e, "gateway"), Str(e, "lane"), Str(e, "direction"), Str(e, "mode")));
            Assert.Equal("national-id", e.GetProperty("credential").GetProperty("kind").GetString());
            Assert.Equal("lane1-idcard", e.GetProperty("credential").GetProperty("device").GetString());
            Assert.Equal("resident", e.GetProperty("person").GetProperty("class").GetString());
            Assert.Equal("lane1-thermometer", e.GetProperty("temperature").GetProperty("device").GetString());
            Assert.Equal(25.00m, e.GetProperty("temperature").GetProperty("ambientC").GetDecimal());
            Assert.Equal("not-checked", e.GetProperty("mask").GetProperty("status").GetString());
            Assert.Equal(JsonValueKind.Null, e.GetProperty("guard").ValueKind);
            Assert.Equal("online", e.GetProperty("devices").GetProperty("lane1-idcard").GetString());
            Assert.Equal("online", e.GetProperty("devices").GetProperty("lane1-thermometer").GetString());
        }

        Assert.All(centre.PassageFlags, f => Assert.False(f.Replayed));
        bool Caught(JsonElement h) => h.GetProperty("lastSeq").GetInt64() == 5 && h.GetProperty("backlog").GetInt64() == 0;
        await Eventually.True(() => centre.Messages.Any(m => m.Topic.EndsWith("/heartbeat", StringComparison.Ordinal) && Caught(m.Payload)),
            "a heartbeat saying all five events are delivered", TimeSpan.FromSeconds(10));
        var deviceStatus = centre.Messages.Where(m => m.Topic.Contains("/device/", StringComparison.Ordinal))
            .GroupBy(m => m.Topic).ToDictionary(g => g.Key, g => State(g.Last().Payload));
        Assert.Equal("online", deviceStatus["gateedge/v1/c-7/east/gw-7/device/lane1-idcard/status"]);
        Assert.Equal("online", deviceStatus["gateedge/v1/c-7/east/gw-7/device/lane1-thermometer/status"]);

        Assert.Equal(0, await gateway.StopAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains("GateEdge stopped (exit code 0)", gateway.Lines.Last(), StringComparison.Ordinal);
        Assert.Equal("offline", State(centre.Messages.Last(m => m.Topic.EndsWith("/status", StringComparison.Ordinal)).Payload));
        Assert.Empty(centre.Messages.SelectMany(m => PublishedSchemas.Check(m.Payload)));

        // No published event holds an ID number or a full name (and, as in every system test, no logged line: ChildProcess).
        var secrets = TestGate.Residents.SelectMany(r => new[] { r.IdNumber, r.Name }).ToArray();
        Assert.DoesNotContain(centre.Messages.SelectMany(m => Strings(m.Payload)), value => secrets.Any(secret => value.Contains(secret, StringComparison.Ordinal)));
        Assert.Equal(["actuation", "checkpoint", "device", "heartbeat", "passage", "status"], centre.Messages.Select(m => m.Payload.GetProperty("schema").GetString()!.Split('.', '/')[1]).Distinct().Order());
        Assert.DoesNotContain(gateway.Lines, l => l.Contains("[ERR]", StringComparison.Ordinal) || l.Contains("[FTL]", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_bad_configuration_stops_the_gateway_at_start_with_every_problem_named()
    {
        _gate = new TestGate(1883);
        var config = Path.Combine(_gate.Dir, "bad.json");
        await File.WriteAllTextAsync(config, """
            { "Gateway": { "Id": "gw 7", "CompoundId": "c-7", "GateId": "east" },
              "Lanes": [ { "Id": "lane1", "CardReaders": [ "reader" ], "Thermometer": "thermo" } ] }
            """);
        await using var gateway = ChildProcess.StartDotnet(RepoPaths.GateEdgeDll, "--config", config);

        // One line on standard error, every problem in it, no stack trace.
        Assert.Equal(2, await gateway.ExitCodeAsync(TimeSpan.FromSeconds(30)));
        var line = Assert.Single(gateway.Lines, l => l.Length > 0);
        Assert.StartsWith($"stderr: GateEdge cannot start: {config}: ", line, StringComparison.Ordinal);
        Assert.Contains("Gateway.Id: 'gw 7'", line, StringComparison.Ordinal);
        Assert.Contains("Lanes[0].CardReaders[0]: no card reader is named 'reader'", line, StringComparison.Ordinal);
        Assert.Contains("Lanes[0].Thermometer: rule R3 needs a thermometer", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_set_twice_refuses_the_start_as_one_line_at_error_priority_under_systemd()
    {
        _gate = new TestGate(1883);
        var config = Path.Combine(_gate.Dir, "twice.json");
        await File.WriteAllTextAsync(config, """
            { "Gateway": { "Id": "gw-7", "CompoundId": "c-7", "GateId": "east",
                           "Id": "gw-8" } }
            """);
        // systemd says where standard error goes; journald reads the <3> as "err".
        await using var gateway = ChildProcess.Start("dotnet", new Dictionary<string, string> { ["JOURNAL_STREAM"] = "8:12345" }, RepoPaths.GateEdgeDll, "--config", config);

        Assert.Equal(2, await gateway.ExitCodeAsync(TimeSpan.FromSeconds(30)));
        var line = Assert.Single(gateway.Lines, l => l.Length > 0);
        Assert.Equal($"stderr: <3>GateEdge cannot start: {config}: line 2, column 16: Gateway.Id is set twice (first on line 1); keep one", line);
    }

    /// <summary>Every string value in a payload, unescaped (the raw text escapes every Chinese character).</summary>
    private static IEnumerable<string> Strings(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => [e.GetString()!],
        JsonValueKind.Object => e.EnumerateObject().SelectMany(p => Strings(p.Value)),
        JsonValueKind.Array => e.EnumerateArray().SelectMany(Strings),
        _ => [],
    };

    public async Task DisposeAsync()
    {
        if (_broker is not null)
        {
            await _broker.DisposeAsync();
        }

        _gate?.Dispose();
    }

    private static string Str(JsonElement e, string name) => e.GetProperty(name).GetString()!;

    private static string? State(JsonElement status) => status.TryGetProperty("state", out var s) ? s.GetString() : null;
}
