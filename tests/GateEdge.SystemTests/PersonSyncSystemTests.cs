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
            .WithPayload(TestCentre.Sign($$"""{ "schema": "gateedge.persons/2", "id": "p-1", "compound": "c-7", "issuedAt": "2026-11-28T08:00:00Z", "mode": "snapshot", "version": 1, "upsert": [ {{string.Join(",", persons)}} ] }"""))
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

    private static long Seq(JsonElement passage) => passage.GetProperty("seq").GetInt64();
}
