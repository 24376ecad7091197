using System.Text;
using GateEdge.SystemTests.Support;
using MQTTnet;
using MQTTnet.Formatter;

namespace GateEdge.SystemTests;

/// <summary>
/// A gateway behind mosquitto set up exactly as docs/security.md ("Confinement") says: a user per
/// gateway, the documented ACL and <c>use_username_as_clientid</c>. Another gateway's leaked
/// account can neither take over its session by connecting under its client id nor publish under
/// its topics, and the gateway keeps its connection and its passages throughout.
/// </summary>
public sealed class BrokerConfinementSystemTests : IAsyncLifetime
{
    private Mosquitto _broker = null!;
    private TestGate _gate = null!;

    public async Task InitializeAsync()
    {
        _broker = Mosquitto.Prepare($"""
            allow_anonymous false
            password_file {"{dir}"}/passwords
            acl_file {"{dir}"}/acl
            use_username_as_clientid true
            """);
        // The ACL of docs/security.md for two gateways of compound c-7 and the centre.
        await File.WriteAllTextAsync(Path.Combine(_broker.Dir, "acl"), """
            user gw-7
            topic write gateedge/v1/c-7/east/gw-7/event/+
            topic write gateedge/v1/c-7/east/gw-7/checkpoint
            topic write gateedge/v1/c-7/east/gw-7/status
            topic write gateedge/v1/c-7/east/gw-7/heartbeat
            topic write gateedge/v1/c-7/east/gw-7/command-result
            topic write gateedge/v1/c-7/east/gw-7/device/+/status
            topic read  gateedge/v1/c-7/east/gw-7/command/+
            topic read  gateedge/v1/c-7/lists/+

            user gw-8
            topic write gateedge/v1/c-7/west/gw-8/event/+
            topic write gateedge/v1/c-7/west/gw-8/checkpoint
            topic write gateedge/v1/c-7/west/gw-8/status
            topic write gateedge/v1/c-7/west/gw-8/heartbeat
            topic write gateedge/v1/c-7/west/gw-8/command-result
            topic write gateedge/v1/c-7/west/gw-8/device/+/status
            topic read  gateedge/v1/c-7/west/gw-8/command/+
            topic read  gateedge/v1/c-7/lists/+

            user centre
            topic read  gateedge/v1/#
            topic write gateedge/v1/+/+/+/command/+
            topic write gateedge/v1/+/lists/+
            """);
        foreach (var (user, password) in new[] { ("gw-7", "pw-gw-7-Kq8v"), ("gw-8", "pw-gw-8-Zr3m"), ("centre", "pw-centre-Hd5t") })
        {
            await Mosquitto.AddUserAsync(_broker.Dir, user, password);
        }

        await _broker.RestartAsync();
        _gate = new TestGate(_broker.Port);
    }

    [Fact]
    public async Task Another_gateways_account_can_neither_take_the_gateways_session_nor_publish_under_its_topics()
    {
        var passwordFile = TestGate.OwnerOnly(Path.Combine(_gate.Dir, "mqtt-password"));
        await File.WriteAllTextAsync(passwordFile, "pw-gw-7-Kq8v\n");
        _gate.WriteGatewayConfig(mqtt: $$"""
            "Username": "gw-7", "PasswordFile": "{{passwordFile}}"
            """);
        _gate.WriteSteadyTrafficScript();
        await using var centre = await CentreSubscriber.ConnectAsync(_broker.Port, configure: o => o.WithCredentials("centre", "pw-centre-Hd5t"));
        await using var gateway = _gate.StartGateway();
        await using var simulator = _gate.StartSimulator();
        await Eventually.True(() => centre.SeqCount >= 2, "the gateway's first passages at the centre", TimeSpan.FromSeconds(60));

        // gw-8's leaked password, connecting again and again under gw-7's client id, in both protocol versions,
        // each time publishing a passage and a retained "offline" under gw-7's topics.
        const string Gw7 = "gateedge/v1/c-7/east/gw-7";
        for (int attempt = 0; attempt < 20; attempt++)
        {
            using var thief = new MqttClientFactory().CreateMqttClient();
            var connected = await thief.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", _broker.Port)
                .WithProtocolVersion(attempt % 2 == 0 ? MqttProtocolVersion.V500 : MqttProtocolVersion.V311)
                .WithClientId("gw-7").WithCleanSession(false).WithCredentials("gw-8", "pw-gw-8-Zr3m").Build());
            Assert.Equal(MqttClientConnectResultCode.Success, connected.ResultCode);
            await thief.PublishAsync(new MqttApplicationMessageBuilder().WithTopic($"{Gw7}/event/passage")
                .WithPayload(Encoding.UTF8.GetBytes($$"""{"schema":"gateedge.passage/4","seq":{{900 + attempt}},"gateway":"gw-7","outcome":"allow","forged":true}"""))
                .WithQualityOfServiceLevel(MQTTnet.Protocol.MqttQualityOfServiceLevel.AtLeastOnce).Build());
            await thief.PublishAsync(new MqttApplicationMessageBuilder().WithTopic($"{Gw7}/status").WithPayload("""{"state":"offline","forged":true}"""u8.ToArray()).WithRetainFlag().Build());
            await thief.DisconnectAsync();
        }

        long afterAttack = centre.SeqCount;
        await Eventually.True(() => centre.SeqCount >= afterAttack + 2, "passages still arriving after the attack", TimeSpan.FromSeconds(30));
        Assert.DoesNotContain(centre.Raw, m => Encoding.UTF8.GetString(m.Payload).Contains("\"forged\":true", StringComparison.Ordinal));
        Assert.Single(gateway.Lines, l => l.Contains("Connected to the broker", StringComparison.Ordinal));
        Assert.DoesNotContain(gateway.Lines, l => l.Contains("unavailable", StringComparison.Ordinal));
        var seqs = centre.Seqs;
        Assert.Equal(seqs.Max - seqs.Min + 1, seqs.Count);
    }

    public async Task DisposeAsync()
    {
        await _broker.DisposeAsync();
        _gate.Dispose();
    }
}
