using GateEdge.SystemTests.Support;

namespace GateEdge.SystemTests;

/// <summary>
/// The broker's keep-alive with MQTTnet's polling loop off: the gateway states its keep-alive in
/// CONNECT and pings when idle, so the broker keeps an idle gateway and would still drop a silent one.
/// </summary>
public sealed class BrokerKeepAliveTests : IAsyncLifetime
{
    private Mosquitto _broker = null!;
    private TestGate _gate = null!;

    public async Task InitializeAsync()
    {
        // log_type all: mosquitto logs each client's keep-alive at connect and every PINGREQ; to
        // stderr, which it does not buffer when it is a pipe, as it does stdout.
        _broker = Mosquitto.Prepare("allow_anonymous true\nlog_type all\nlog_dest stderr");
        await _broker.RestartAsync();
        _gate = new TestGate(_broker.Port);
    }

    [Fact]
    public async Task An_idle_gateway_tells_the_broker_its_keep_alive_and_pings_in_time_to_be_kept()
    {
        // No heartbeat for a minute: between its first publishes and then, only pings keep the connection.
        _gate.WriteGatewayConfig(mqtt: "\"KeepAlive\": \"00:00:01\"", heartbeat: "00:01:00");
        await using var centre = await CentreSubscriber.ConnectAsync(_broker.Port);
        await using var gateway = _gate.StartGateway();
        await gateway.WaitForLineAsync("Connected to the broker", TimeSpan.FromSeconds(30));

        // mosquitto 2 logs "New client connected from … as gw-7 (p5, c0, k1)": the stated keep-alive, not MQTTnet's zero.
        await _broker.Process.WaitForLineAsync("as gw-7 (p5, c0, k1)", TimeSpan.FromSeconds(10));

        // A broker drops a client silent for 1.5 keep-alives and publishes its will. Three pings
        // from an idle gateway span more than that; the connection stays, the will never comes.
        await Eventually.True(() => _broker.Process.Lines.Count(l => l.Contains("Received PINGREQ from gw-7", StringComparison.Ordinal)) >= 3,
            "three keep-alive pings from the idle gateway", TimeSpan.FromSeconds(20));
        Assert.DoesNotContain(_broker.Process.Lines, l => l.Contains("gw-7 has exceeded timeout", StringComparison.Ordinal));
        Assert.DoesNotContain(centre.Messages, m => m.Topic == $"{CommandSender.GatewayTopics}/status" && m.Payload.GetProperty("state").GetString() == "offline");
    }

    [Fact]
    public async Task A_broker_that_hangs_while_the_gateway_is_idle_is_noticed_by_the_unanswered_ping()
    {
        _gate.WriteGatewayConfig(mqtt: "\"KeepAlive\": \"00:00:01\", \"Timeout\": \"00:00:02\"", heartbeat: "00:01:00");
        await using var gateway = _gate.StartGateway();
        // Frozen once the gateway has gone idle (its first ping), not while it still publishes its start-up states.
        await _broker.Process.WaitForLineAsync("Received PINGREQ from gw-7", TimeSpan.FromSeconds(30));

        _broker.Freeze();
        try
        {
            await gateway.WaitForLineAsync("the broker did not answer the keep-alive ping within 2 s", TimeSpan.FromSeconds(20));
        }
        finally
        {
            _broker.Thaw();
        }

        await Eventually.True(() => gateway.Lines.Count(l => l.Contains("Connected to the broker", StringComparison.Ordinal)) == 2,
            "connected again once the broker answers", TimeSpan.FromSeconds(30));
    }

    public async Task DisposeAsync()
    {
        await _broker.DisposeAsync();
        _gate.Dispose();
    }
}
