using GateEdge.SystemTests.Support;

namespace GateEdge.SystemTests;

/// <summary>
/// A confirmed fever holds (docs/rules.md, R3): the person who was denied for it and comes back
/// seconds later with a normal reading, the forehead cooled, is not admitted, and the record says
/// why; the next person is decided as ever.
/// </summary>
public sealed class FeverHoldSystemTests : GateTest
{
    // A fever, the retest after the 1 s rest at or above the line too, the same card 3 s later at
    // 36.4 °C, then another resident.
    private static readonly (int, decimal, string)[] FeverThenCooled = [(0, 38.1m, "00:00:00.2"), (0, 38.4m, "00:00:01.5"), (0, 36.4m, "00:00:03"), (1, 36.5m, "00:00:00.5")];

    [Fact]
    public async Task A_person_denied_for_fever_is_not_admitted_with_a_normal_reading_within_the_hold()
    {
        await using var centre = await CentreSubscriber.ConnectAsync(Broker.Port);
        Gate.WriteGatewayConfig(rules: """{ "RetestRest": "00:00:01", "DuplicateWindow": "00:00:00", "MaskRequired": false }""");
        Gate.WriteScript(FeverThenCooled);
        await using var gateway = Gate.StartGateway();
        await using var simulator = Gate.StartSimulator();
        await simulator.WaitForLineAsync("script done", TimeSpan.FromSeconds(60));
        await Eventually.True(() => centre.Passages.Count() >= 4, "four passages", TimeSpan.FromSeconds(15));

        var passages = centre.Passages.ToArray();
        Assert.Equal(["retest", "deny", "deny", "allow"], passages.Select(p => p.GetProperty("outcome").GetString()));
        Assert.Equal(["fever-retest", "fever", "fever-hold", "registered,temperature-normal"],
            passages.Select(p => string.Join(",", p.GetProperty("reasonCodes").EnumerateArray().Select(c => c.GetString()))));
        var held = passages[2];
        Assert.Equal(36.4m, held.GetProperty("temperature").GetProperty("bodyC").GetDecimal());
        Assert.Contains("fever confirmed within the last 30 min", held.GetProperty("reasons")[0].GetString(), StringComparison.Ordinal);
        // The centre hears of the fever once, with the fever.
        Assert.Equal(["", "fever", "", ""], passages.Select(p => string.Join(",", p.GetProperty("alarms").EnumerateArray().Select(a => a.GetString()))));
    }
}
