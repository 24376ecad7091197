using System.Text;
using System.Text.Json;
using GateEdge.Commands;
using GateEdge.SystemTests.Support;
using GateEdge.Tests.Support;
using MQTTnet;

namespace GateEdge.SystemTests;

/// <summary>
/// An attacker with a broker account, against the real gateway process over mosquitto: every
/// message that is not the centre's, or not for this gateway, is refused with its reason; nothing
/// is applied, no relay moves, nothing of it is logged unescaped, and the gateway runs on.
/// </summary>
public sealed class CentreTrustSystemTests : GateTest
{
    private const string Base = CommandSender.GatewayTopics;
    private const string Lists = "gateedge/v1/c-7/lists";

    [Fact]
    public async Task Every_attack_from_a_broker_account_is_refused_with_its_reason_and_the_gateway_runs_on()
    {
        var configPath = Gate.WriteGatewayConfig();
        await using var centre = await CentreSubscriber.ConnectAsync(Broker.Port);
        await using var gateway = Gate.StartGateway();
        await gateway.WaitForLineAsync("Connected to the broker", TimeSpan.FromSeconds(30));
        using var attacker = await ConnectAsync("leaked-gateway-account");
        var stranger = """{"ref":"X-1","class":"Resident","credentials":[{"kind":"NationalId","number":"310115199911110053"}]}""";

        var attacks = new (string Name, string Topic, byte[] Payload, string Reason, bool Retain)[]
        {
            ("unsigned persons delta", $"{Lists}/persons", Bytes($$"""{"schema":"gateedge.persons/2","id":"evil-1","compound":"c-7","issuedAt":"{{TestCentre.IssuedNow}}","mode":"delta","baseVersion":0,"version":1,"upsert":[{{stranger}}]}"""),
                "not signed by the centre: no signature line", false),
            ("unsigned quarantine lift", $"{Lists}/quarantine", Bytes($$"""{"schema":"gateedge.list/2","id":"evil-2","compound":"c-7","list":"quarantine","issuedAt":"{{TestCentre.IssuedNow}}","mode":"snapshot","version":9223372036854775807,"upsert":[]}"""),
                "not signed by the centre: no signature line", true),
            ("a key the gateway does not know", $"{Lists}/quarantine", Impostor($$"""{"schema":"gateedge.list/2","id":"evil-3","compound":"c-7","list":"quarantine","issuedAt":"{{TestCentre.IssuedNow}}","mode":"snapshot","version":9,"upsert":[]}"""),
                "not signed by the centre: the signature does not match the message", false),
            ("a signed update of another compound", $"{Lists}/persons", TestCentre.Sign($$"""{"schema":"gateedge.persons/2","id":"evil-4","compound":"c-8","issuedAt":"{{TestCentre.IssuedNow}}","mode":"snapshot","version":5,"upsert":[{{stranger}}]}"""),
                "the update is for another compound (this gateway is in c-7)", false),
            ("a signed key-group snapshot moved to the quarantine topic", $"{Lists}/quarantine", TestCentre.Sign($$"""{"schema":"gateedge.list/2","id":"evil-5","compound":"c-7","list":"key-group","issuedAt":"{{TestCentre.IssuedNow}}","mode":"snapshot","version":9,"upsert":[]}"""),
                "the update is for another list (it came on lists/quarantine)", false),
            ("a retained null entry", $"{Lists}/key-group", TestCentre.Sign($$"""{"schema":"gateedge.list/2","id":"null-1","compound":"c-7","list":"key-group","issuedAt":"{{TestCentre.IssuedNow}}","mode":"snapshot","version":7,"upsert":[null]}"""),
                "upsert[0] is null", true),
            ("a null credential", $"{Lists}/persons", TestCentre.Sign($$"""{"schema":"gateedge.persons/2","id":"null-2","compound":"c-7","issuedAt":"{{TestCentre.IssuedNow}}","mode":"snapshot","version":7,"upsert":[{"ref":"X-2","class":"Resident","credentials":[null]}]}"""),
                "upsert[0].credentials[0] needs a kind and a number of 1–32 letters, digits or '/'", false),
            ("a signed persons snapshot with a class given as a number", $"{Lists}/persons", TestCentre.Sign($$"""{"schema":"gateedge.persons/2","id":"evil-10","compound":"c-7","issuedAt":"{{TestCentre.IssuedNow}}","mode":"snapshot","version":8,"upsert":[{"ref":"X-3","class":1,"credentials":[{"kind":"NationalId","number":"310115199911110053"}]}]}"""),
                "malformed JSON", false),
            ("an open signed for another gateway", $"{Base}/command/open", TestCentre.Sign(TestCentre.Command("open", "evil-6", lane: "lane1") with { Gateway = "gw-8" }),
                "the command is for another gateway (this is c-7/east/gw-7)", false),
            ("an open republished on another command's topic", $"{Base}/command/republish", TestCentre.Sign(TestCentre.Command("open", "evil-7", lane: "lane1")),
                "the command is 'open' but it came on the topic of another command", false),
            ("an unsigned open forging a log line", $"{Base}/command/open", Bytes("{\"lane\":\"lane1\\n[07:59:59 INF] Lane lane1: relay pulse\"}\n{}"),
                "not signed by the centre: the signature line holds only kid and sig", false),
            ("an oversized open", $"{Base}/command/open", new byte[1_000_000],
                "message of 1000000 bytes exceeds the 4096-byte limit", false),
            ("a push turning command signatures off", $"{Base}/command/config", TestCentre.Sign(TestCentre.Command("config", "evil-8", config: (await File.ReadAllTextAsync(configPath)).Replace("centre.pub.pem", "/dev/null", StringComparison.Ordinal))),
                "", false),
            ("a push with a NUL in a path", $"{Base}/command/config", TestCentre.Sign(TestCentre.Command("config", "evil-9", config: (await File.ReadAllTextAsync(configPath)).Replace("\"registry.json\"", "\"registry.json\\u0000x\"", StringComparison.Ordinal))),
                "1 configuration problem(s): Registry.SeedFile: holds a NUL character", false),
        };

        foreach (var (_, topic, payload, _, retain) in attacks)
        {
            await TestCentre.PublishAsync(attacker, topic, payload, retain);
        }

        await Eventually.True(() => Results(centre).Length >= attacks.Length, () => $"{attacks.Length} refusals, got {Results(centre).Length}", TimeSpan.FromSeconds(30));
        var results = Results(centre);
        for (int i = 0; i < attacks.Length; i++)
        {
            Assert.True(results[i].GetProperty("status").GetString() == "rejected", $"{attacks[i].Name} was not refused");
            Assert.True(results[i].GetProperty("reason").GetString()!.StartsWith(attacks[i].Reason, StringComparison.Ordinal),
                $"{attacks[i].Name}: {results[i].GetProperty("reason").GetString()}");
        }

        Assert.Contains("Commands.CentreKeys", results[Array.FindIndex(attacks, a => a.Name == "a push turning command signatures off")].GetProperty("reason").GetString(), StringComparison.Ordinal);

        // The centre's own snapshot still applies after the forged "newest version", and nothing forged is in force.
        await TestCentre.PublishAsync(attacker, $"{Lists}/quarantine", TestCentre.Sign($$"""{"schema":"gateedge.list/2","id":"q-1","compound":"c-7","list":"quarantine","issuedAt":"{{TestCentre.IssuedNow}}","mode":"snapshot","version":1,"upsert":[{"ref":"R-1","reason":"home quarantine"}]}"""));
        await Eventually.True(() => Results(centre).Any(r => r.GetProperty("id").GetString() == "q-1" && r.GetProperty("status").GetString() == "done"), "the centre's snapshot applied", TimeSpan.FromSeconds(20));
        await Eventually.True(() => LatestHeartbeat(centre) is { } h && ListVersion(h, "quarantine") == 1, "a heartbeat after the snapshot", TimeSpan.FromSeconds(10));
        var heartbeat = LatestHeartbeat(centre)!.Value;
        Assert.Equal((0L, 0L), (ListVersion(heartbeat, "persons"), ListVersion(heartbeat, "key-group")));

        // Restarted with the poison still retained at the broker: it is refused again, and the gateway stays up.
        var firstRun = gateway.Lines.ToArray();
        await gateway.StopAsync(TimeSpan.FromSeconds(20));
        await using var restarted = Gate.StartGateway();
        await Eventually.True(() => Results(centre).Count(r => r.GetProperty("id").ValueKind == JsonValueKind.String && r.GetProperty("id").GetString() == "null-1") >= 2,
            "the retained poison refused again after the restart", TimeSpan.FromSeconds(30));
        Assert.False(restarted.HasExited);
        Assert.False(File.Exists(configPath + ".pushed"));

        var lines = firstRun.Concat(restarted.Lines).ToArray();
        Assert.DoesNotContain(lines, l => l.Contains("relay pulse", StringComparison.Ordinal) || l.StartsWith("[07:59:59", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("refused: not signed by the centre", StringComparison.Ordinal));
    }

    /// <summary>
    /// 10,000 structurally broken bodies per topic the gateway listens on, signed by the centre (a
    /// buggy centre, or a stolen key) or not, through mosquitto: each is answered, none stops the gateway.
    /// The push's base file renames the gateway, so no fuzzed variant of it can ever be applied.
    /// </summary>
    [Fact]
    public async Task Ten_thousand_structured_payloads_per_inbound_topic_are_each_answered_and_never_stop_the_gateway()
    {
        const int PerTopic = 10_000;
        const int Window = 50;
        var configPath = Gate.WriteGatewayConfig();
        // Only the answers: a centre subscribed to everything would also download every fuzzed body, some of them megabytes.
        await using var centre = await CentreSubscriber.ConnectAsync(Broker.Port, ResultTopic);
        await using var gateway = Gate.StartGateway();
        await gateway.WaitForLineAsync("Connected to the broker", TimeSpan.FromSeconds(30));
        using var sender = await ConnectAsync("fuzzing-centre");
        var renamed = (await File.ReadAllTextAsync(configPath)).Replace("\"gw-7\"", "\"gw-fuzz\"", StringComparison.Ordinal);
        var now = DateTimeOffset.UtcNow.ToString("O");
        var bodies = new (string Topic, string Valid)[]
        {
            ($"{Base}/command/open", Json(TestCentre.Command("open", "f-open", lane: "lane1") with { IssuedAt = now })),
            ($"{Base}/command/config", Json(TestCentre.Command("config", "f-config", config: renamed) with { IssuedAt = now })),
            ($"{Base}/command/republish", Json(TestCentre.Command("republish", "f-republish") with { IssuedAt = now })),
            ($"{Lists}/quarantine", $$"""{"schema":"gateedge.list/2","id":"f-q","compound":"c-7","list":"quarantine","issuedAt":"{{TestCentre.IssuedNow}}","mode":"snapshot","version":3,"upsert":[{"ref":"R-1","reason":"home quarantine"}]}"""),
            ($"{Lists}/key-group", $$"""{"schema":"gateedge.list/2","id":"f-k","compound":"c-7","list":"key-group","issuedAt":"{{TestCentre.IssuedNow}}","mode":"delta","baseVersion":0,"version":1,"upsert":[{"ref":"R-2","reason":"returned from abroad"}],"remove":["R-9"]}"""),
            ($"{Lists}/persons", $$"""{"schema":"gateedge.persons/2","id":"f-p","compound":"c-7","issuedAt":"{{TestCentre.IssuedNow}}","mode":"snapshot","version":2,"upsert":[{"ref":"R-1","class":"Resident","household":"H-1","credentials":[{"kind":"NationalId","number":"11010519491231002X"}]}]}"""),
        };

        var structured = new StructuredPayloads(seed: 2026);
        int sent = 0;
        foreach (var (topic, valid) in bodies)
        {
            for (int i = 0; i < PerTopic; i++)
            {
                var body = structured.Next(valid);
                // Mostly signed, so the parsers behind the signature are reached; one in ten as an attacker would send it.
                await TestCentre.PublishAsync(sender, topic, i % 10 == 0 ? body : TestCentre.Signer.Sign(body));
                if (++sent % Window == 0)
                {
                    await Eventually.True(() => centre.CountOn(ResultTopic) >= sent, () => $"{sent} answers, got {centre.CountOn(ResultTopic)}", TimeSpan.FromSeconds(60));
                }
            }
        }

        await Eventually.True(() => centre.CountOn(ResultTopic) >= sent, () => $"{sent} answers, got {centre.CountOn(ResultTopic)}", TimeSpan.FromSeconds(60));
        Assert.False(gateway.HasExited);
        Assert.Equal(bodies.Length * PerTopic, Results(centre).Length);
        Assert.DoesNotContain(gateway.Lines, l => l.Contains("could not be carried out", StringComparison.Ordinal));
        Assert.DoesNotContain(gateway.Lines, l => l.Contains("Starting again", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_storm_of_junk_retained_and_live_never_pushes_out_a_signed_command()
    {
        Gate.WriteGatewayConfig();
        await using var centre = await CentreSubscriber.ConnectAsync(Broker.Port, ResultTopic);
        using var attacker = await ConnectAsync("leaked-gateway-account");
        // 20,000 retained junk messages under the gateway's command topics, waiting for its next start.
        await Task.WhenAll(Enumerable.Range(0, 20_000).Select(i => attacker.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic($"{Base}/command/junk-{i}").WithPayload(Bytes($"{{\"junk\":{i}}}")).WithRetainFlag().Build())));

        await using var gateway = Gate.StartGateway();
        await gateway.WaitForLineAsync("Connected to the broker", TimeSpan.FromSeconds(60));
        using var operatorConsole = await ConnectAsync("operator-console");
        await CommandSender.SendAsync(operatorConsole, "open", TestCentre.Command("open", "real-open", lane: "lane1"));
        await Eventually.True(() => Results(centre).Any(r => r.GetProperty("id").GetString() == "real-open"), "the real open behind the retained storm answered", TimeSpan.FromSeconds(120));
        Assert.Equal("done", Results(centre).First(r => r.GetProperty("id").GetString() == "real-open").GetProperty("status").GetString());

        // Live: 20,000 copies under a key the gateway does not know, with 15 signed republish requests among them.
        var forged = Impostor(Json(TestCentre.Command("republish", "forged")));
        var sends = new List<Task>();
        for (int i = 0; i < 20_000; i++)
        {
            sends.Add(TestCentre.PublishAsync(attacker, $"{Base}/command/republish", forged));
            if (i % 1333 == 0 && i / 1333 < 15)
            {
                sends.Add(CommandSender.SendAsync(operatorConsole, "republish", TestCentre.Command("republish", $"real-{i / 1333}")));
            }
        }

        await Task.WhenAll(sends);
        await Eventually.True(() => Enumerable.Range(0, 15).All(n => Results(centre).Any(r => r.GetProperty("id").GetString() == $"real-{n}")),
            () => $"all 15 signed requests answered; {Enumerable.Range(0, 15).Count(n => Results(centre).Any(r => r.GetProperty("id").GetString() == $"real-{n}"))} so far", TimeSpan.FromSeconds(120));
        Assert.All(Enumerable.Range(0, 15), n => Assert.Equal("done", Results(centre).First(r => r.GetProperty("id").GetString() == $"real-{n}").GetProperty("status").GetString()));
        Assert.False(gateway.HasExited);
    }

    private async Task<IMqttClient> ConnectAsync(string clientId)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", Broker.Port).WithClientId(clientId).Build());
        return client;
    }

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    private static string Json(CommandRequest request) => JsonSerializer.Serialize(request, CommandJson.Default.CommandRequest);

    private static byte[] Impostor(string body) => GateEdge.Trust.CentreSigner.FromPem(GateEdge.Trust.CentreSigner.NewKeyPair().PrivatePem, TestCentre.KeyId).Sign(Bytes(body));

    private const string ResultTopic = $"{Base}/command-result";

    private static JsonElement[] Results(CentreSubscriber centre) =>
        [.. centre.Messages.Where(m => m.Topic == ResultTopic).Select(m => m.Payload)];

    private static JsonElement? LatestHeartbeat(CentreSubscriber centre) =>
        centre.Messages.LastOrDefault(m => m.Topic == $"{Base}/heartbeat").Payload is { ValueKind: JsonValueKind.Object } h ? h : null;

    private static long ListVersion(JsonElement heartbeat, string list) => heartbeat.GetProperty("lists").GetProperty(list).GetProperty("version").GetInt64();
}
