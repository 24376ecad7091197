using System.Text.Json;
using GateEdge.SystemTests.Support;
using MQTTnet;

namespace GateEdge.SystemTests;

/// <summary>
/// Messages far over the gateway's bound sent to it over MQTT 3.1.1, which has no way to tell the
/// broker a maximum packet size: the gateway drops each on arrival without holding it, stays small,
/// and carries out the signed command that follows.
/// </summary>
public sealed class InboundSizeSystemTests : GateTest
{
    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task Four_100_MB_messages_over_MQTT_3_1_1_are_dropped_without_the_gateway_growing_and_a_command_after_them_is_carried_out()
    {
        Gate.WriteGatewayConfig(mqtt: "\"ProtocolVersion\": \"V311\"");
        await using var centre = await CentreSubscriber.ConnectAsync(Broker.Port);
        await using var gateway = Gate.StartGateway();
        await gateway.WaitForLineAsync("Connected to the broker", TimeSpan.FromSeconds(30));
        long before = PeakRssBytes(gateway.Id);

        // mosquitto_pub as the flooder: 100 MiB each, on the gateway's own command topic.
        var huge = Path.Combine(Gate.Dir, "huge");
        await using (var file = File.Create(huge))
        {
            file.SetLength(100L * 1024 * 1024);
        }

        for (int i = 0; i < 4; i++)
        {
            await using var flood = ChildProcess.Start("mosquitto_pub", "-h", "127.0.0.1", "-p", Broker.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "-V", "mqttv311", "-q", "1", "-t", $"{CommandSender.GatewayTopics}/command/open", "-f", huge);
            Assert.Equal(0, await flood.ExitCodeAsync(TimeSpan.FromSeconds(60)));
        }

        await Eventually.True(() => gateway.Lines.Count(l => l.Contains("Dropped a packet of type 3 from the broker: 104857", StringComparison.Ordinal)) >= 4,
            () => $"four oversized messages dropped; the gateway printed:\n{string.Join('\n', gateway.Lines.TakeLast(10))}", TimeSpan.FromSeconds(60));
        using var sender = new MqttClientFactory().CreateMqttClient();
        await sender.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", Broker.Port).WithClientId("operator-console").Build());
        await CommandSender.SendAsync(sender, "open", TestCentre.Command("open", "after-flood", lane: "lane1"));
        await Eventually.True(() => centre.Messages.Any(m => m.Topic.EndsWith("/command-result", StringComparison.Ordinal) && m.Payload.GetProperty("id").GetString() == "after-flood"),
            "the command after the flood answered", TimeSpan.FromSeconds(30));
        var answer = centre.Messages.First(m => m.Topic.EndsWith("/command-result", StringComparison.Ordinal) && m.Payload.GetProperty("id").GetString() == "after-flood").Payload;
        Assert.Equal("done", answer.GetProperty("status").GetString());

        long grown = PeakRssBytes(gateway.Id) - before;
        Assert.True(grown < 50L * 1024 * 1024, $"the gateway's peak memory grew by {grown / (1024 * 1024)} MiB while 400 MiB were sent to it");
        Assert.False(gateway.HasExited);
    }

    /// <summary>The process's peak resident memory so far (VmHWM).</summary>
    private static long PeakRssBytes(int pid) =>
        long.Parse(File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
}
