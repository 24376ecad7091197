using System.Text.Json;
using GateEdge.SystemTests.Support;

namespace GateEdge.SystemTests;

/// <summary>
/// Two boxes with one gateway id (an SD-card image copied to a second box): the broker keeps handing
/// the session from one to the other. Each must say so within a minute, in its log and on its
/// status page, and the centre must hear of it. A copied disk in a box of another machine identity
/// is refused outright: it holds the first box's key and journal.
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

    [Fact]
    public async Task A_disk_copied_into_another_machine_refuses_to_sign_as_the_first_box_and_says_what_to_do()
    {
        Gate.WriteGatewayConfig();
        var firstBox = MachineId("first", "0f1e2d3c4b5a69788796a5b4c3d2e1f0");
        await using (var first = Gate.StartGateway(firstBox))
        {
            await first.WaitForLineAsync("Connected to the broker", TimeSpan.FromSeconds(60));
        }

        const string Said = "was made on another machine (its gateway key is bound to another /etc/machine-id)";
        var secondBox = MachineId("second", "a1b2c3d4e5f60718293a4b5c6d7e8f90");
        await using var copy = Gate.StartGateway(secondBox);
        Assert.Equal(2, await copy.ExitCodeAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains(copy.Lines, l => l.Contains(Said, StringComparison.Ordinal) && l.Contains("enrol its new key at the centre", StringComparison.Ordinal));
        Assert.DoesNotContain(copy.Lines, l => l.Contains("   at ", StringComparison.Ordinal));
        await using var check = ChildProcess.Start("dotnet", secondBox, RepoPaths.GateEdgeDll, "config", "check", Path.Combine(Gate.Dir, "gateedge.json"));
        Assert.NotEqual(0, await check.ExitCodeAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains(check.Lines, l => l.Contains("Gateway.StateDirectory", StringComparison.Ordinal) && l.Contains(Said, StringComparison.Ordinal));

        // The first box itself still runs on its own disk.
        await using var again = Gate.StartGateway(firstBox);
        await again.WaitForLineAsync("Connected to the broker", TimeSpan.FromSeconds(60));
    }

    private Dictionary<string, string> MachineId(string box, string id)
    {
        string file = Path.Combine(Gate.Dir, $"{box}.machine-id");
        File.WriteAllText(file, id + "\n");
        return new Dictionary<string, string> { ["GATEEDGE_MACHINE_ID_FILE"] = file };
    }
}
