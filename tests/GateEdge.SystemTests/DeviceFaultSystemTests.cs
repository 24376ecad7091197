using GateEdge.SystemTests.Support;

namespace GateEdge.SystemTests;

/// <summary>
/// Device faults scripted in the simulator, seen from the centre: the gateway process publishes each
/// device's health as it changes (retained), with the reason and the counters a technician needs.
/// </summary>
public sealed class DeviceFaultSystemTests : GateTest
{
    [Fact]
    public async Task A_thermometer_on_a_noisy_line_then_unplugged_is_published_degraded_offline_and_online_again()
    {
        Gate.WriteGatewayConfig();
        await File.WriteAllTextAsync(Path.Combine(Gate.Dir, "script.json"), """
            {
              "devices": [ { "name": "lane1-idcard", "kind": "id-card-reader" }, { "name": "lane1-thermometer", "kind": "serial-ir-thermometer" } ],
              "people": [],
              "visits": [],
              "faults": [
                { "device": "lane1-thermometer", "fault": "garbage", "at": "00:00:01", "for": "00:00:02" },
                { "device": "lane1-thermometer", "fault": "unplug", "at": "00:00:05", "for": "00:00:02" } ]
            }
            """);
        await using var centre = await CentreSubscriber.ConnectAsync(Broker.Port);
        await using var gateway = Gate.StartGateway();
        await using var simulator = Gate.StartSimulator();
        await simulator.WaitForLineAsync("fault: lane1-thermometer unplug over", TimeSpan.FromSeconds(60));

        await Eventually.True(() => States().SequenceEqual(["online", "degraded", "offline", "online"]),
            () => $"the published states so far: {string.Join(", ", Statuses().Select(s => $"{s.GetProperty("state")} ({s.GetProperty("reason")})"))}", TimeSpan.FromSeconds(20));
        var statuses = Statuses().ToArray();
        // Random bursts show as garbage, or as the frame or reply a header-like burst spoiled: any fault will do,
        // and the counters below show the garbage.
        Assert.False(string.IsNullOrEmpty(statuses[1].GetProperty("reason").GetString()));
                var counters = statuses[3].GetProperty("counters");
        Assert.True(counters.GetProperty("garbageBytes").GetInt64() > 0);
        Assert.True(counters.GetProperty("disconnects").GetInt64() >= 1);
        Assert.True(statuses[3].TryGetProperty("lastFrameAt", out _));
        Assert.Empty(centre.Messages.SelectMany(m => PublishedSchemas.Check(m.Payload)));

        IEnumerable<System.Text.Json.JsonElement> Statuses() => centre.Messages
            .Where(m => m.Topic.EndsWith("/device/lane1-thermometer/status", StringComparison.Ordinal) && !m.Retained)
            .Select(m => m.Payload);

        IEnumerable<string?> States() => Statuses().Select(s => s.GetProperty("state").GetString()).Where(s => s != "unknown");
    }
}
