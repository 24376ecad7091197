using GateEdge.SystemTests.Support;

namespace GateEdge.SystemTests;

/// <summary>A deployment whose centre is entitled to identities opts in, is warned, and still logs only masks.</summary>
public sealed class ClearIdentitySystemTests : GateTest
{
    [Fact]
    public async Task Identities_in_clear_are_published_only_when_configured_with_a_warning_and_never_logged()
    {
        var config = Gate.WriteGatewayConfig();
        await File.WriteAllTextAsync(config, (await File.ReadAllTextAsync(config)).Replace("\"Registry\":",
            "\"Privacy\": { \"PublishIdentitiesInClear\": true }, \"Registry\":", StringComparison.Ordinal));
        Gate.WriteScript([(0, 36.6m, "00:00:00.2")]);
        await using var centre = await CentreSubscriber.ConnectAsync(Broker.Port);
        await using var gateway = Gate.StartGateway();
        await using var simulator = Gate.StartSimulator();
        await Eventually.True(() => centre.Passages.Any(), "a passage", TimeSpan.FromSeconds(30));

        var passage = centre.Passages.Single();
        var (name, idNumber) = TestGate.Residents[0];
        Assert.Equal((idNumber, "110105********002X"),
            (passage.GetProperty("credential").GetProperty("number").GetString(), passage.GetProperty("credential").GetProperty("masked").GetString()));
        Assert.Equal((name, "张*"), (passage.GetProperty("person").GetProperty("fullName").GetString(), passage.GetProperty("person").GetProperty("name").GetString()));
        Assert.Empty(PublishedSchemas.Check(passage));
        Assert.Single(gateway.Lines, l => l.Contains("WRN] Privacy.PublishIdentitiesInClear is on", StringComparison.Ordinal));
    }
}
