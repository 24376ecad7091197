using System.Text;
using System.Text.Json;
using GateEdge.Commands;
using GateEdge.SystemTests.Support;
using MQTTnet;

namespace GateEdge.SystemTests;

/// <summary>
/// Configuration pushed from the centre to the real gateway process over mosquitto, under
/// traffic: refused when it has problems, applied by a restart when it is good, and rolled
/// back when the gateway cannot reach the broker with it.
/// </summary>
public sealed class ConfigPushSystemTests : GateTest
{
    private const string Base = CommandSender.GatewayTopics;

    [Fact]
    public async Task A_push_is_checked_applied_by_a_restart_and_rolled_back_when_the_broker_is_out_of_reach()
    {
        var configPath = Gate.WriteGatewayConfig(commands: "\"ConfigProbation\": \"00:00:10\"");
        var original = await File.ReadAllTextAsync(configPath);
        Gate.WriteSteadyTrafficScript();
        await using var centre = await CentreSubscriber.ConnectAsync(Broker.Port);
        await using var simulator = Gate.StartSimulator();
        await using var gateway = Gate.StartGateway();
        await Eventually.True(() => centre.Passages.Any(), "a first passage", TimeSpan.FromSeconds(30));
        using var sender = new MqttClientFactory().CreateMqttClient();
        await sender.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", Broker.Port).WithClientId("operator-console").Build());

        // Problems: refused with every problem, nothing changes, the gateway never stops.
        var broken = original.Replace("\"CardReaders\": [ \"lane1-idcard\" ]", "\"CardReaders\": [ \"lane1-reader\" ]", StringComparison.Ordinal)
            .Replace("\"RetestRest\": \"00:00:02\"", "\"RetestRest\": \"00:00:02\", \"FeverLineC\": 45", StringComparison.Ordinal);
        await PushAsync(sender, "push-1", "nonce-1", broken);
        var refused = await ResultAsync(centre, "push-1");
        Assert.Equal("rejected", refused.GetProperty("status").GetString());
        Assert.Contains("lane1-reader", refused.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Contains("FeverLineC", refused.GetProperty("reason").GetString(), StringComparison.Ordinal);
        await PushAsync(sender, "push-2", "nonce-2", original.Replace("\"gw-7\"", "\"gw-8\"", StringComparison.Ordinal));
        Assert.Contains("Gateway.Id", (await ResultAsync(centre, "push-2")).GetProperty("reason").GetString(), StringComparison.Ordinal);
        // Valid files that change what only the box may change: another centre key, another broker,
        // and a log file on the journal that Serilog's retention would delete.
        await File.WriteAllTextAsync(Path.Combine(Gate.Dir, "other.pub.pem"), GateEdge.Trust.CentreSigner.NewKeyPair().PublicPem);
        await PushAsync(sender, "push-3", "nonce-3", original.Replace("centre.pub.pem", "other.pub.pem", StringComparison.Ordinal));
        Assert.StartsWith("a push cannot change Commands.CentreKeys.0.PublicKeyFile: a push changes lanes, rules, prompts, device timings and output times",
            (await ResultAsync(centre, "push-3")).GetProperty("reason").GetString(), StringComparison.Ordinal);
        await PushAsync(sender, "push-3b", "nonce-3b", original.Replace($"\"Port\": {Broker.Port}", $"\"Port\": {Loopback.FreePort()}", StringComparison.Ordinal));
        Assert.StartsWith("a push cannot change Mqtt.Port:", (await ResultAsync(centre, "push-3b")).GetProperty("reason").GetString(), StringComparison.Ordinal);
        string FileSink(string path) => original.Replace("\"WriteTo\": [ { \"Name\": \"Console\" } ]",
            "\"WriteTo\": [ { \"Name\": \"Console\" }, { \"Name\": \"File\", \"Args\": { \"path\": \"" + path + "\", \"rollingInterval\": \"Infinite\", \"retainedFileCountLimit\": 1 } } ]", StringComparison.Ordinal);
        await PushAsync(sender, "push-3c", "nonce-3c", FileSink(Gate.JournalPath));
        Assert.Contains("Serilog.WriteTo[1].Args.path: " + Gate.JournalPath + " is among the gateway's state or configuration",
            (await ResultAsync(centre, "push-3c")).GetProperty("reason").GetString(), StringComparison.Ordinal);
        await PushAsync(sender, "push-3d", "nonce-3d", FileSink(Path.Combine(Gate.Dir, "logs", "gateedge-.json")));
        Assert.StartsWith("a push cannot change Serilog.WriteTo.1.Args.path, Serilog.WriteTo.1.Args.retainedFileCountLimit, Serilog.WriteTo.1.Args.rollingInterval, Serilog.WriteTo.1.Name:",
            (await ResultAsync(centre, "push-3d")).GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(original, await File.ReadAllTextAsync(configPath));
        Assert.DoesNotContain(gateway.Lines, l => l.Contains("Starting again", StringComparison.Ordinal));

        // A good push: the gateway restarts with it, reports it done, and the lane now counts exits.
        var outward = original.Replace("\"Direction\": \"In\"", "\"Direction\": \"Out\"", StringComparison.Ordinal);
        var push4 = TestCentre.Sign(TestCentre.Command("config", "push-4", config: outward, @operator: "李工", reason: "new thresholds from the district"));
        await TestCentre.PublishAsync(sender, $"{Base}/command/config", push4);
        var applied = await ResultAsync(centre, "push-4");
        Assert.Equal("done", applied.GetProperty("status").GetString());
        Assert.Equal(outward, await File.ReadAllTextAsync(configPath));
        Assert.Equal(original, await File.ReadAllTextAsync(configPath + ".previous"));
        Assert.False(File.Exists(configPath + ".trial"));
        await Eventually.True(() => centre.Passages.Any(p => p.GetProperty("direction").GetString() == "out"), "a passage decided as an exit", TimeSpan.FromSeconds(30));

        // The same signed push again is a replay, refused although the gateway restarted since.
        await TestCentre.PublishAsync(sender, $"{Base}/command/config", push4);
        Assert.Equal("already carried out: replayed command", (await ResultAsync(centre, "push-4", nth: 2)).GetProperty("reason").GetString());

        // A push after which the broker stops answering: rolled back after its probation, and reported once back.
        await PushAsync(sender, "push-5", "nonce-5", original);
        await gateway.WaitForLineAsync("push-5 by 李工", TimeSpan.FromSeconds(30));
        Broker.Freeze();
        await gateway.WaitForLineAsync("did not reach the broker within 10 s", TimeSpan.FromSeconds(60));
        Broker.Thaw();
        var rolledBack = await ResultAsync(centre, "push-5", timeout: TimeSpan.FromSeconds(60));
        Assert.Equal("rejected", rolledBack.GetProperty("status").GetString());
        Assert.Equal("rolled back to the previous configuration: it did not reach the broker within 10 s", rolledBack.GetProperty("reason").GetString());
        Assert.Equal(outward, await File.ReadAllTextAsync(configPath));
        Assert.False(File.Exists(configPath + ".trial"));

        // Through both restarts every passage arrived: sequence numbers without a gap.
        var seqs = centre.Seqs;
        Assert.Equal(seqs.Max - seqs.Min + 1, seqs.Count);
        Assert.Empty(centre.Messages.SelectMany(m => PublishedSchemas.Check(m.Payload)));
    }

    [Fact]
    public async Task A_gateway_killed_while_a_push_is_on_trial_comes_back_on_the_previous_configuration()
    {
        var configPath = Gate.WriteGatewayConfig(commands: "\"ConfigProbation\": \"00:05:00\"");
        var original = await File.ReadAllTextAsync(configPath);
        await using var centre = await CentreSubscriber.ConnectAsync(Broker.Port);
        using var sender = new MqttClientFactory().CreateMqttClient();
        await sender.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", Broker.Port).WithClientId("operator-console").Build());

        await using (var gateway = Gate.StartGateway())
        {
            await gateway.WaitForLineAsync("Connected to the broker", TimeSpan.FromSeconds(30));
            await PushAsync(sender, "push-1", "nonce-1", original.Replace("\"Direction\": \"In\"", "\"Direction\": \"Out\"", StringComparison.Ordinal));
            await gateway.WaitForLineAsync("push-1 by 李工", TimeSpan.FromSeconds(30));
            Broker.Freeze(); // so the new configuration cannot be confirmed before the kill
            await gateway.WaitForLineAsync("Starting again with the configuration", TimeSpan.FromSeconds(30));
        }

        Broker.Thaw();

        // Killed (SIGKILL) on trial, long before its probation ends: the next start goes back.
        await using var restarted = Gate.StartGateway();
        var result = await ResultAsync(centre, "push-1");
        Assert.Equal("rejected", result.GetProperty("status").GetString());
        Assert.Equal("rolled back to the previous configuration: the gateway stopped before it reached the broker with the new configuration",
            result.GetProperty("reason").GetString());
        Assert.Equal(original, await File.ReadAllTextAsync(configPath));
        Assert.False(File.Exists(configPath + ".trial"));
    }

    private static async Task<JsonElement> ResultAsync(CentreSubscriber centre, string id, int nth = 1, TimeSpan? timeout = null)
    {
        JsonElement[] Matching() => [.. centre.Messages.Where(m => m.Topic == $"{Base}/command-result" && m.Payload.GetProperty("id").GetString() == id).Select(m => m.Payload)];
        await Eventually.True(() => Matching().Length >= nth, $"result {nth} of {id}", timeout ?? TimeSpan.FromSeconds(30));
        return Matching()[nth - 1];
    }

    private static Task PushAsync(IMqttClient sender, string id, string nonce, string config) =>
        CommandSender.SendAsync(sender, "config", TestCentre.Command("config", id, config: config, @operator: "李工", reason: $"new thresholds from the district ({nonce})"));
}
