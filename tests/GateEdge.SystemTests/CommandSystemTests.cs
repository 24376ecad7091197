using System.Text;
using System.Text.Json;
using GateEdge.Commands;
using GateEdge.SystemTests.Support;
using MQTTnet;
using MQTTnet.Protocol;

namespace GateEdge.SystemTests;

/// <summary>Commands from the centre, sent over a real broker to the real gateway process.</summary>
public sealed class CommandSystemTests : GateTest
{
    private const string Base = CommandSender.GatewayTopics;

    [Fact]
    public async Task A_signed_open_is_recorded_then_acted_on_and_bad_commands_are_refused_with_a_reason()
    {
        Gate.WriteGatewayConfig();
        await using var centre = await CentreSubscriber.ConnectAsync(Broker.Port);
        await using var gateway = Gate.StartGateway();
        await Eventually.True(() => centre.Messages.Any(m => m.Topic == $"{Base}/status"), "the gateway online", TimeSpan.FromSeconds(30));
        using var sender = new MqttClientFactory().CreateMqttClient();
        await sender.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", Broker.Port).WithClientId("operator-console").Build());

        var open = TestCentre.Sign(TestCentre.Command("open", "cmd-1", lane: "lane1"));
        await TestCentre.PublishAsync(sender, $"{Base}/command/open", open);
        await TestCentre.PublishAsync(sender, $"{Base}/command/open", open);
        var forged = TestCentre.Sign(TestCentre.Command("open", "cmd-2", lane: "lane1"));
        forged[^3] ^= 1;
        await TestCentre.PublishAsync(sender, $"{Base}/command/open", forged);
        await CommandSender.SendAsync(sender, "reboot", TestCentre.Command("reboot", "cmd-3"));
        await TestCentre.PublishAsync(sender, $"{Base}/command/open", TestCentre.Sign("{oops"));
        int statusesBefore = centre.Messages.Count(m => m.Topic == $"{Base}/status");
        await CommandSender.SendAsync(sender, "republish", TestCentre.Command("republish", "cmd-4"));

        await Eventually.True(() => Results(centre).Length == 6, () => $"six command results, got {Results(centre).Length}", TimeSpan.FromSeconds(20));
        var results = Results(centre);
        Assert.Equal([("cmd-1", "done"), ("cmd-1", "rejected"), (null, "rejected"), ("cmd-3", "rejected"), (null, "rejected"), ("cmd-4", "done")],
            results.Select(r => (r.GetProperty("id").GetString(), r.GetProperty("status").GetString())));
        Assert.Equal("already carried out: replayed command", results[1].GetProperty("reason").GetString());
        Assert.Equal("not signed by the centre: the signature does not match the message", results[2].GetProperty("reason").GetString());
        Assert.Equal("command must be open, config, republish or checkpoint-ack", results[3].GetProperty("reason").GetString());
        Assert.StartsWith("malformed JSON", results[4].GetProperty("reason").GetString(), StringComparison.Ordinal);

        var opened = Assert.Single(centre.Messages, m => m.Topic == $"{Base}/event/remote-open").Payload;
        Assert.Equal(("cmd-1", "王主任", "ambulance at the gate", "lane1"),
            (opened.GetProperty("commandId").GetString(), opened.GetProperty("operator").GetString(), opened.GetProperty("reason").GetString(), opened.GetProperty("lane").GetString()));
        await Eventually.True(() => centre.Messages.Count(m => m.Topic == $"{Base}/status") > statusesBefore, "the status republished", TimeSpan.FromSeconds(10));
        Assert.Single(gateway.Lines, l => l.Contains("relay pulse", StringComparison.Ordinal));
        Assert.Empty(centre.Messages.SelectMany(m => PublishedSchemas.Check(m.Payload)));
    }

    [Fact]
    public async Task A_captured_open_replayed_after_the_gateways_clock_went_forward_and_back_is_refused()
    {
        Gate.WriteGatewayConfig(commands: "\"MaxClockSkew\": \"00:00:05\"");
        var clock = FakeClock.In(Gate.Dir);
        await using var centre = await CentreSubscriber.ConnectAsync(Broker.Port);
        await using var gateway = Gate.StartGateway(clock.Environment);
        await Eventually.True(() => centre.Messages.Any(m => m.Topic == $"{Base}/status"), "the gateway online", TimeSpan.FromSeconds(30));
        using var sender = new MqttClientFactory().CreateMqttClient();
        await sender.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", Broker.Port).WithClientId("operator-console").Build());

        var captured = TestCentre.Command("open", "cmd-1", lane: "lane1");
        var issued = DateTimeOffset.Parse(captured.IssuedAt!, System.Globalization.CultureInfo.InvariantCulture);
        await TestCentre.PublishAsync(sender, $"{Base}/command/open", TestCentre.Sign(captured));
        Assert.Equal("done", (await ResultAsync(centre, "cmd-1")).GetProperty("status").GetString());

        // The gateway's clock 11 s ahead (a spoofed NTP server); the centre's next command, issued for that clock, is carried out.
        clock.Set("+11");
        int attempt = 0;
        await Eventually.True(async () =>
        {
            var id = $"cmd-2-{++attempt}";
            var later = TestCentre.Command("open", id, lane: "lane1") with { IssuedAt = DateTimeOffset.UtcNow.AddSeconds(11).ToString("O") };
            await TestCentre.PublishAsync(sender, $"{Base}/command/open", TestCentre.Sign(later));
            return (await ResultAsync(centre, id)).GetProperty("status").GetString() == "done";
        }, "a command issued for the stepped clock carried out", TimeSpan.FromSeconds(30));

        // Stepped back to 1 s after the captured open was issued, where it looks fresh again: replayed, it is refused.
        clock.Set(FormattableString.Invariant($"{(issued.AddSeconds(1) - DateTimeOffset.UtcNow).TotalSeconds:+0;-0;+0}"));
        string? reason = null;
        await Eventually.True(async () =>
        {
            await TestCentre.PublishAsync(sender, $"{Base}/command/open", TestCentre.Sign(captured));
            var results = await ResultsAsync(centre, "cmd-1", gateway);
            reason = results[^1].GetProperty("reason").GetString();
            return reason?.StartsWith("issuedAt is not within", StringComparison.Ordinal) == false;
        }, () => $"the gateway's clock back where the captured open is fresh (last answer: {reason}); the gateway printed:\n{string.Join('\n', gateway.Lines.TakeLast(12))}", TimeSpan.FromSeconds(60));

        Assert.Equal("issued before commands this gateway has already carried out: a replay, or the centre's clock went back", reason);
        Assert.Equal(2, gateway.Lines.Count(l => l.Contains("relay pulse", StringComparison.Ordinal)));
        Assert.Equal(2, centre.Messages.Count(m => m.Topic == $"{Base}/event/remote-open"));
    }

    private async Task<JsonElement> ResultAsync(CentreSubscriber centre, string id) => (await ResultsAsync(centre, id))[^1];

    /// <summary>Every answer to <paramref name="id"/> so far, once one more has come.</summary>
    private async Task<JsonElement[]> ResultsAsync(CentreSubscriber centre, string id, ChildProcess? gateway = null)
    {
        JsonElement[] Answers() => [.. Results(centre).Where(r => r.GetProperty("id").GetString() == id)];
        int before = _answersSeen.GetValueOrDefault(id);
        await Eventually.True(() => Answers().Length > before,
            () => $"an answer to {id}{(gateway is null ? "" : "; the gateway printed:\n" + string.Join('\n', gateway.Lines.TakeLast(12)))}", TimeSpan.FromSeconds(30));
        _answersSeen[id] = Answers().Length;
        return Answers();
    }

    private readonly Dictionary<string, int> _answersSeen = [];

    private static JsonElement[] Results(CentreSubscriber centre) =>
        [.. centre.Messages.Where(m => m.Topic == $"{Base}/command-result").Select(m => m.Payload)];
}
