using System.Text.Json;
using GateEdge.SystemTests.Support;
using MQTTnet;
using MQTTnet.Protocol;

namespace GateEdge.SystemTests;

/// <summary>Lists pushed by the centre over a real broker reach the lanes' decisions, and bad updates are refused.</summary>
public sealed class ListSyncSystemTests : GateTest
{
    private const string Base = "gateedge/v1/c-7/east/gw-7";

    [Fact]
    public async Task A_quarantine_snapshot_is_applied_an_out_of_order_delta_refused_and_the_next_passage_alerts()
    {
        Gate.WriteGatewayConfig();
        Gate.WriteScript([(0, 36.6m, "00:00:00.2")]);
        await using var centre = await CentreSubscriber.ConnectAsync(Broker.Port);
        await using var gateway = Gate.StartGateway();
        await Eventually.True(() => centre.Messages.Any(m => m.Topic == $"{Base}/status"), "the gateway online", TimeSpan.FromSeconds(30));
        using var publisher = await ListPublisherAsync();

        // Retained, as a centre publishes snapshots, so a gateway that starts later gets the list at once.
        await PublishAsync(publisher, $$"""{"schema":"gateedge.list/2","id":"q-1","compound":"c-7","list":"quarantine","issuedAt":"{{TestCentre.IssuedNow}}","mode":"snapshot","version":1,"upsert":[{"ref":"R-1","reason":"home quarantine until 12-12"}]}""", retain: true);
        await PublishAsync(publisher, $$"""{"schema":"gateedge.list/2","id":"q-2","compound":"c-7","list":"quarantine","issuedAt":"{{TestCentre.IssuedNow}}","mode":"delta","baseVersion":5,"version":6,"remove":["R-1"]}""", retain: false);
        await Eventually.True(() => Results(centre).Length == 2, "two list results", TimeSpan.FromSeconds(20));

        var results = Results(centre);
        Assert.Equal([("q-1", "done"), ("q-2", "rejected")], results.Select(r => (r.GetProperty("id").GetString(), r.GetProperty("status").GetString())));
        Assert.Equal("delta from version 5 to 6 does not follow the version in force, 1: send a snapshot", results[1].GetProperty("reason").GetString());

        await using var simulator = Gate.StartSimulator();
        await Eventually.True(() => centre.Passages.Any(), "the passage of the listed resident", TimeSpan.FromSeconds(60));
        var passage = centre.Passages.Single();
        Assert.Equal("allow", passage.GetProperty("outcome").GetString());
        Assert.Equal(["R1", "R3", "R5"], passage.GetProperty("rules").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(["quarantine"], passage.GetProperty("alarms").EnumerateArray().Select(r => r.GetString()));
        Assert.Contains("home quarantine until 12-12", passage.GetProperty("reasons")[2].GetString(), StringComparison.Ordinal);

        await Eventually.True(() => centre.Messages.Any(m => m.Topic == $"{Base}/heartbeat" && QuarantineVersion(m.Payload) == 1), "a heartbeat with list version 1", TimeSpan.FromSeconds(10));
        Assert.Empty(centre.Messages.SelectMany(m => PublishedSchemas.Check(m.Payload)));
    }

    [Fact]
    public async Task A_quarantined_resident_trying_to_leave_is_refused_with_an_alarm()
    {
        var config = Gate.WriteGatewayConfig();
        await File.WriteAllTextAsync(config, (await File.ReadAllTextAsync(config)).Replace("\"Direction\": \"In\"", "\"Direction\": \"Out\"", StringComparison.Ordinal));
        Gate.WriteScript([(0, 36.6m, "00:00:00.2"), (1, 36.6m, "00:00:00.5")]);
        await using var centre = await CentreSubscriber.ConnectAsync(Broker.Port);
        using var publisher = await ListPublisherAsync();
        await PublishAsync(publisher, $$"""{"schema":"gateedge.list/2","id":"q-1","compound":"c-7","list":"quarantine","issuedAt":"{{TestCentre.IssuedNow}}","mode":"snapshot","version":1,"upsert":[{"ref":"R-1","reason":"home quarantine until 12-12"}]}""", retain: true);

        await using var gateway = Gate.StartGateway();
        await Eventually.True(() => Results(centre).Length == 1, "the retained list, applied at start", TimeSpan.FromSeconds(30));
        await using var simulator = Gate.StartSimulator();
        await Eventually.True(() => centre.Passages.Count() >= 2, "both residents try to leave", TimeSpan.FromSeconds(60));

        var (quarantined, free) = (centre.Passages.First(), centre.Passages.Skip(1).First());
        Assert.Equal(("deny", "out"), (quarantined.GetProperty("outcome").GetString(), quarantined.GetProperty("direction").GetString()));
        Assert.Equal(["R5"], quarantined.GetProperty("rules").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("on the quarantine list (home quarantine until 12-12): may not leave", quarantined.GetProperty("reasons")[0].GetString());
        Assert.Equal(["quarantine"], quarantined.GetProperty("alarms").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(("allow", "R-2"), (free.GetProperty("outcome").GetString(), free.GetProperty("person").GetProperty("ref").GetString()));
    }

    [Fact]
    public async Task The_centre_republishing_a_list_unchanged_keeps_it_current_and_a_replayed_old_copy_does_not()
    {
        Gate.WriteGatewayConfig();
        var clock = FakeClock.In(Gate.Dir);
        await using var centre = await CentreSubscriber.ConnectAsync(Broker.Port);
        await using var gateway = Gate.StartGateway(clock.Environment);
        await Eventually.True(() => centre.Messages.Any(m => m.Topic == $"{Base}/status"), "the gateway online", TimeSpan.FromSeconds(30));
        using var publisher = await ListPublisherAsync();
        string Snapshot(string id, DateTimeOffset issuedAt) =>
            $$"""{"schema":"gateedge.list/2","id":"{{id}}","compound":"c-7","list":"quarantine","issuedAt":"{{issuedAt:O}}","mode":"snapshot","version":3,"upsert":[{"ref":"R-1","reason":"home quarantine"}]}""";
        var first = Snapshot("q-1", DateTimeOffset.UtcNow);
        await PublishAsync(publisher, first, retain: false);
        await Eventually.True(() => LastHeartbeat(centre) is { } h && QuarantineVersion(h) == 3 && !QuarantineStale(h), "version 3 in force and current", TimeSpan.FromSeconds(20));

        // An hour and a minute later by the gateway's clock: stale; the captured first copy again confirms nothing.
        clock.Set("+61m");
        await Eventually.True(() => LastHeartbeat(centre) is { } h && QuarantineStale(h), "the list stale an hour on", TimeSpan.FromSeconds(20));
        await PublishAsync(publisher, first, retain: false);
        await Eventually.True(() => Results(centre).Count(r => r.GetProperty("id").GetString() == "q-1") == 2, "the replayed copy answered", TimeSpan.FromSeconds(20));
        int heartbeats = centre.Messages.Count(m => m.Topic == $"{Base}/heartbeat");
        await Eventually.True(() => centre.Messages.Count(m => m.Topic == $"{Base}/heartbeat") > heartbeats + 1, "two heartbeats after it", TimeSpan.FromSeconds(20));
        Assert.True(QuarantineStale(LastHeartbeat(centre)!.Value));

        // The centre republishes the same version, issued now by its clock, which the gateway's has reached: current again.
        await PublishAsync(publisher, Snapshot("q-2", DateTimeOffset.UtcNow.AddMinutes(61)), retain: false);
        await Eventually.True(() => LastHeartbeat(centre) is { } h && !QuarantineStale(h) && QuarantineVersion(h) == 3, "the list current again", TimeSpan.FromSeconds(20));
        Assert.Equal("done", Results(centre).Last(r => r.GetProperty("id").GetString() == "q-2").GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_quarantine_is_not_ended_early_by_setting_the_gateways_clock_forward()
    {
        var config = Gate.WriteGatewayConfig();
        await File.WriteAllTextAsync(config, (await File.ReadAllTextAsync(config)).Replace("\"Direction\": \"In\"", "\"Direction\": \"Out\"", StringComparison.Ordinal));
        Gate.WriteScript([(0, 36.6m, "00:00:01")]);
        var clock = FakeClock.In(Gate.Dir);
        await using var centre = await CentreSubscriber.ConnectAsync(Broker.Port);
        await using var gateway = Gate.StartGateway(clock.Environment);
        await Eventually.True(() => centre.Messages.Any(m => m.Topic == $"{Base}/status"), "the gateway online", TimeSpan.FromSeconds(30));
        using var publisher = await ListPublisherAsync();
        var until = DateTimeOffset.UtcNow.AddMinutes(30);
        await PublishAsync(publisher, $$"""{"schema":"gateedge.list/2","id":"q-1","compound":"c-7","list":"quarantine","issuedAt":"{{TestCentre.IssuedNow}}","mode":"snapshot","version":1,"upsert":[{"ref":"R-1","reason":"home quarantine","validTo":"{{until:O}}"}]}""", retain: false);
        await Eventually.True(() => Results(centre).Any(r => r.GetProperty("id").GetString() == "q-1"), "the quarantine applied", TimeSpan.FromSeconds(20));

        // A spoofed time server sets the gateway two hours ahead, past the quarantine's end; then R-1 tries to leave.
        clock.Set("+2h");
        await Eventually.True(() => LastHeartbeat(centre) is { } h && h.GetProperty("clockStepSeconds").GetDouble() > 7000, "the step seen by the gateway", TimeSpan.FromSeconds(20));
        await using var simulator = Gate.StartSimulator();
        await Eventually.True(() => centre.Passages.Any(), "R-1 at the lane", TimeSpan.FromSeconds(60));

        var passage = centre.Passages.First();
        Assert.Equal(("deny", "R-1"), (passage.GetProperty("outcome").GetString(), passage.GetProperty("person").GetProperty("ref").GetString()));
        Assert.Equal(["R5"], passage.GetProperty("rules").EnumerateArray().Select(r => r.GetString()));
    }

    /// <summary>The centre's list publisher, connected.</summary>
    private async Task<IMqttClient> ListPublisherAsync()
    {
        var publisher = new MqttClientFactory().CreateMqttClient();
        await publisher.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", Broker.Port).WithClientId("centre-lists").Build());
        return publisher;
    }

    private static JsonElement? LastHeartbeat(CentreSubscriber centre) =>
        centre.Messages.LastOrDefault(m => m.Topic == $"{Base}/heartbeat").Payload is { ValueKind: JsonValueKind.Object } h ? h : null;

    private static bool QuarantineStale(JsonElement heartbeat) => heartbeat.GetProperty("lists").GetProperty("quarantine").GetProperty("stale").GetBoolean();

    private static long QuarantineVersion(JsonElement heartbeat) => heartbeat.GetProperty("lists").GetProperty("quarantine").GetProperty("version").GetInt64();

    private static JsonElement[] Results(CentreSubscriber centre) =>
        [.. centre.Messages.Where(m => m.Topic == $"{Base}/command-result").Select(m => m.Payload)];

    private static Task PublishAsync(IMqttClient client, string payload, bool retain) =>
        client.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic("gateedge/v1/c-7/lists/quarantine")
            .WithPayload(TestCentre.Sign(payload))
            .WithRetainFlag(retain)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build());
}
