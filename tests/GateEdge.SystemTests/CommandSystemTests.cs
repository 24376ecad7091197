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
    private static readonly byte[] Key = Encoding.UTF8.GetBytes("deployment key for command tests");
    private const string Base = CommandSender.GatewayTopics;

    [Fact]
    public async Task A_signed_open_is_recorded_then_acted_on_and_bad_commands_are_refused_with_a_reason()
    {
        var keyFile = Path.Combine(Gate.Dir, "command.key");
        await File.WriteAllBytesAsync(keyFile, Key);
        var config = Gate.WriteGatewayConfig();
        await File.WriteAllTextAsync(config, (await File.ReadAllTextAsync(config)).Replace("\"Registry\":", $"\"Commands\": {{ \"KeyFile\": \"{keyFile}\" }}, \"Registry\":", StringComparison.Ordinal));
        await using var centre = await CentreSubscriber.ConnectAsync(Broker.Port);
        await using var gateway = Gate.StartGateway();
        await Eventually.True(() => centre.Messages.Any(m => m.Topic == $"{Base}/status"), "the gateway online", TimeSpan.FromSeconds(30));
        using var sender = new MqttClientFactory().CreateMqttClient();
        await sender.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", Broker.Port).WithClientId("operator-console").Build());

        await CommandSender.SendAsync(sender, "open", Signed("cmd-1", "nonce-1"));
        await CommandSender.SendAsync(sender, "open", Signed("cmd-1", "nonce-1"));
        await CommandSender.SendAsync(sender, "open", Signed("cmd-2", "nonce-2") with { Signature = new string('0', 64) });
        await CommandSender.SendAsync(sender, "reboot", new CommandRequest(CommandRequest.SchemaId, "cmd-3", null, null, null, null, null, null));
        await sender.PublishAsync(new MqttApplicationMessageBuilder().WithTopic($"{Base}/command/open").WithPayload("{oops").WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
        int statusesBefore = centre.Messages.Count(m => m.Topic == $"{Base}/status");
        await CommandSender.SendAsync(sender, "republish", new CommandRequest(CommandRequest.SchemaId, "cmd-4", null, null, null, null, null, null));

        await Eventually.True(() => Results(centre).Length == 6, () => $"six command results, got {Results(centre).Length}", TimeSpan.FromSeconds(20));
        var results = Results(centre);
        Assert.Equal([("cmd-1", "done"), ("cmd-1", "rejected"), ("cmd-2", "rejected"), ("cmd-3", "rejected"), (null, "rejected"), ("cmd-4", "done")],
            results.Select(r => (r.GetProperty("id").GetString(), r.GetProperty("status").GetString())));
        Assert.Equal("nonce already used: replayed command", results[1].GetProperty("reason").GetString());
        Assert.Equal("signature missing or invalid", results[2].GetProperty("reason").GetString());
        Assert.StartsWith("unknown command 'reboot'", results[3].GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("malformed JSON", results[4].GetProperty("reason").GetString(), StringComparison.Ordinal);

        var open = Assert.Single(centre.Messages, m => m.Topic == $"{Base}/event/remote-open").Payload;
        Assert.Equal(("cmd-1", "王主任", "ambulance at the gate", "lane1"),
            (open.GetProperty("commandId").GetString(), open.GetProperty("operator").GetString(), open.GetProperty("reason").GetString(), open.GetProperty("lane").GetString()));
        await Eventually.True(() => centre.Messages.Count(m => m.Topic == $"{Base}/status") > statusesBefore, "the status republished", TimeSpan.FromSeconds(10));
        Assert.Single(gateway.Lines, l => l.Contains("relay pulse", StringComparison.Ordinal));
        Assert.Empty(centre.Messages.SelectMany(m => PublishedSchemas.Check(m.Payload)));
    }

    private static JsonElement[] Results(CentreSubscriber centre) =>
        [.. centre.Messages.Where(m => m.Topic == $"{Base}/command-result").Select(m => m.Payload)];

    private static CommandRequest Signed(string id, string nonce)
    {
        var request = new CommandRequest(CommandRequest.SchemaId, id, DateTimeOffset.UtcNow.ToString("O"), nonce, "王主任", "ambulance at the gate", "lane1", null);
        return request with { Signature = CommandParser.Sign(Key, "open", request) };
    }
}
