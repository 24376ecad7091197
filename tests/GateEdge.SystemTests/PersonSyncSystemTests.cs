using System.Text.Json;
using GateEdge.SystemTests.Support;
using MQTTnet;
using MQTTnet.Protocol;

namespace GateEdge.SystemTests;

/// <summary>Persons pushed by the centre while residents keep passing: the lane switches between two passages, nothing is lost.</summary>
public sealed class PersonSyncSystemTests : SteadyTrafficTest
{
    private const string Base = "gateedge/v1/c-7/east/gw-7";

    [Fact]
    public async Task A_persons_snapshot_arriving_mid_traffic_takes_effect_between_two_passages()
    {
        await using var centre = await CentreSubscriber.ConnectAsync(Broker.Port);
        await using var gateway = Gate.StartGateway();
        await using var simulator = Gate.StartSimulator();
        await Eventually.True(() => centre.Passages.Count() >= 8, "traffic flows", TimeSpan.FromSeconds(60));

        // The centre no longer registers 张三: from the next passage on, his card is a visitor's.
        var persons = TestGate.Residents.Skip(1).Select((r, i) =>
            $$"""{ "ref": "R-{{i + 2}}", "class": "Resident", "credentials": [ { "kind": "NationalId", "number": "{{r.IdNumber}}" } ] }""");
        using var publisher = new MqttClientFactory().CreateMqttClient();
        await publisher.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", Broker.Port).WithClientId("centre-persons").Build());
        await publisher.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic("gateedge/v1/c-7/lists/persons")
            .WithPayload(TestCentre.Sign($$"""{ "schema": "gateedge.persons/2", "id": "p-1", "compound": "c-7", "issuedAt": "{{TestCentre.IssuedNow}}", "mode": "snapshot", "version": 1, "upsert": [ {{string.Join(",", persons)}} ] }"""))
            .WithRetainFlag()
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build());
        await Eventually.True(() => centre.Messages.Any(m => m.Topic == $"{Base}/command-result" && m.Payload.GetProperty("id").GetString() == "p-1"),
            "the persons update is answered", TimeSpan.FromSeconds(20));
        long answeredAt = centre.Events.Max(Seq);
        await Eventually.True(() => ZhangPassages().Count(p => Seq(p) > answeredAt + 2) >= 2, "张三 passes twice more", TimeSpan.FromSeconds(60));

        var result = centre.Messages.First(m => m.Topic == $"{Base}/command-result" && m.Payload.GetProperty("id").GetString() == "p-1").Payload;
        Assert.Equal("done", result.GetProperty("status").GetString());
        var zhang = ZhangPassages().ToArray();
        int switchedAt = Array.FindIndex(zhang, p => p.GetProperty("person").GetProperty("class").GetString() == "visitor");
        Assert.True(switchedAt > 0, "registered before the update, a visitor after it");
        Assert.All(zhang[..switchedAt], p => Assert.Equal(("allow", "R-1"), (p.GetProperty("outcome").GetString(), p.GetProperty("person").GetProperty("ref").GetString())));
        Assert.All(zhang[switchedAt..], p => Assert.Equal("deny", p.GetProperty("outcome").GetString()));
        var seqs = centre.Events.Select(Seq).Distinct().Order().ToArray();
        Assert.Equal(Enumerable.Range(1, seqs.Length).Select(i => (long)i), seqs); // every attempt decided and delivered, none lost

        IEnumerable<JsonElement> ZhangPassages() => centre.Passages.Where(p => p.GetProperty("credential").GetProperty("masked").GetString() == "110105********002X");
    }

    [Fact]
    public async Task A_new_gateway_refuses_a_superseded_persons_snapshot_replayed_to_it_and_keeps_deciding()
    {
        // A copy of yesterday's snapshot v5 (since superseded), captured and republished retained by
        // someone holding the centre's broker account: the gateway starting fresh has nothing newer.
        var captured = TestCentre.Sign($$"""{ "schema": "gateedge.persons/2", "id": "p-5", "compound": "c-7", "issuedAt": "{{DateTimeOffset.UtcNow.AddHours(-25):O}}", "mode": "snapshot", "version": 5, "upsert": [ { "ref": "R-9", "class": "Resident", "credentials": [ { "kind": "NationalId", "number": "11010519491231002X" } ] } ] }""");
        using var attacker = new MqttClientFactory().CreateMqttClient();
        await attacker.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", Broker.Port).WithClientId("centre-lists").Build());
        await TestCentre.PublishAsync(attacker, "gateedge/v1/c-7/lists/persons", captured, retain: true);

        await using var centre = await CentreSubscriber.ConnectAsync(Broker.Port);
        await using var gateway = Gate.StartGateway();
        await using var simulator = Gate.StartSimulator();
        await Eventually.True(() => centre.Messages.Any(m => m.Topic == $"{Base}/command-result" && m.Payload.GetProperty("id").GetString() == "p-5"),
            "the replayed snapshot answered", TimeSpan.FromSeconds(30));
        var result = centre.Messages.First(m => m.Topic == $"{Base}/command-result" && m.Payload.GetProperty("id").GetString() == "p-5").Payload;
        Assert.Equal("rejected", result.GetProperty("status").GetString());
        Assert.Contains("longer ago than the 24 h a persons list stays current: a superseded copy", result.GetProperty("reason").GetString(), StringComparison.Ordinal);

        int heartbeats = centre.Messages.Count(m => m.Topic == $"{Base}/heartbeat");
        await Eventually.True(() => centre.Messages.Count(m => m.Topic == $"{Base}/heartbeat") > heartbeats, "a heartbeat after the answer", TimeSpan.FromSeconds(30));
        Assert.Equal(0, centre.Messages.Last(m => m.Topic == $"{Base}/heartbeat").Payload.GetProperty("lists").GetProperty("persons").GetProperty("version").GetInt64());
        long before = centre.Passages.Count();
        await Eventually.True(() => centre.Passages.Count() >= before + 3, "residents still decided", TimeSpan.FromSeconds(60));
    }

    private static long Seq(JsonElement passage) => passage.GetProperty("seq").GetInt64();
}
