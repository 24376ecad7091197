using System.Text.Json;
using GateEdge.SystemTests.Support;

namespace GateEdge.SystemTests;

/// <summary>
/// Two boxes with one gateway id (an SD-card image copied to a second box): the broker keeps handing
/// the session from one to the other. Each must say so within a minute, in its log and on its
/// status page, and the centre must hear of it.
/// </summary>
public sealed class GatewayIdentitySystemTests : GateTest
{
    [Fact]
    public async Task Two_boxes_with_one_gateway_id_each_say_another_box_uses_it_and_the_centre_is_told()
    {
        int statusPort = Loopback.FreePort();
        Gate.WriteGatewayConfig(statusPage: $$"""{ "Listen": "http://127.0.0.1:{{statusPort}}" }""");
        using var twin = new TestGate(Broker.Port);
        twin.WriteGatewayConfig();
        await using var centre = await CentreSubscriber.ConnectAsync(Broker.Port);

        await using var first = Gate.StartGateway();
        await first.WaitForLineAsync("Connected to the broker", TimeSpan.FromSeconds(30));
        await using var second = twin.StartGateway();

        const string Clash = "another box uses gateway id gw-7";
        await Eventually.True(() => first.Lines.Any(l => l.Contains(Clash, StringComparison.Ordinal)), () => $"the first box names the clash\n{first.Output}", TimeSpan.FromSeconds(60));
        await Eventually.True(() => second.Lines.Any(l => l.Contains(Clash, StringComparison.Ordinal)), () => $"the second box names the clash\n{second.Output}", TimeSpan.FromSeconds(60));

        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{statusPort}") };
        var status = JsonDocument.Parse(await http.GetStringAsync("/api/status")).RootElement;
        Assert.Contains(Clash, status.GetProperty("broker").GetProperty("identityClash").GetString(), StringComparison.Ordinal);
        await Eventually.True(() => centre.Events.Any(e => e.TryGetProperty("alarm", out var a) && a.GetString() == "gateway-id-clash"),
            "the centre gets the alarm", TimeSpan.FromSeconds(60));
    }
}
