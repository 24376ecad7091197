using System.Text.Json;
using GateEdge.SystemTests.Support;

namespace GateEdge.SystemTests;

/// <summary>
/// Nothing decided at the gate is lost: broker outages and process kills under steady traffic,
/// observed by a central subscriber with a persistent session.
/// </summary>
public sealed class DeliveryFaultTests : IAsyncLifetime
{
    // A minute, as the delivery requirement states; GATEEDGE_TEST_OUTAGE_S shortens it for a quick local run.
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(double.Parse(Environment.GetEnvironmentVariable("GATEEDGE_TEST_OUTAGE_S") ?? "60", System.Globalization.CultureInfo.InvariantCulture));

    private Mosquitto _broker = null!;
    private TestGate _gate = null!;

    public async Task InitializeAsync()
    {
        _broker = await Mosquitto.StartAsync();
        _gate = new TestGate(_broker.Port);
        _gate.WriteGatewayConfig("""{ "DuplicateWindow": "00:00:00" }""");
        _gate.WriteSteadyTrafficScript();
    }

    [Fact]
    public async Task A_broker_outage_of_a_minute_loses_nothing_and_the_backlog_arrives_in_order_as_replayed()
    {
        await using var centre = await CentreSubscriber.ConnectAsync(_broker.Port);
        await using var gateway = _gate.StartGateway();
        await using var simulator = _gate.StartSimulator();
        await Eventually.True(() => centre.SeqCount >= 5, "traffic before the outage", TimeSpan.FromSeconds(60));

        await _broker.StopAsync();
        long lastBefore = centre.Seqs.Max;
        await Task.Delay(Outage); // the scenario itself: the broker stays down this long
        long decidedDuringOutage = JournalProbe.Read(_gate.JournalPath).LastSeq - lastBefore;
        await _broker.RestartAsync();

        await Eventually.True(() => centre.SeqCount >= lastBefore + decidedDuringOutage + 5,
            () => $"the backlog and new traffic: centre has {centre.SeqCount}, journal {JournalProbe.Read(_gate.JournalPath)}\n{gateway.Output}", TimeSpan.FromSeconds(60));
        await simulator.StopAsync(TimeSpan.FromSeconds(10));
        await AllDeliveredAsync(centre);

        Assert.True(decidedDuringOutage >= 10, $"the gate kept deciding during the outage ({decidedDuringOutage} attempts)");
        AssertCompleteAndOrdered(centre);
        var backlog = centre.Passages.Where(p => p.GetProperty("seq").GetInt64() > lastBefore && p.GetProperty("seq").GetInt64() <= lastBefore + decidedDuringOutage);
        Assert.All(backlog, p => Assert.True(p.GetProperty("replayed").GetBoolean()));
        Assert.Contains(gateway.Lines, l => l.Contains("unavailable", StringComparison.Ordinal) && l.Contains("decisions continue locally", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Killing_the_gateway_twenty_times_during_traffic_loses_no_recorded_event()
    {
        await using var centre = await CentreSubscriber.ConnectAsync(_broker.Port);
        await using var simulator = _gate.StartSimulator();
        var random = new Random(402);
        for (int kill = 0; kill < 20; kill++)
        {
            await using var gateway = _gate.StartGateway();
            // Kill points spread over start-up, device opening, deciding and publishing.
            await Task.Delay(TimeSpan.FromMilliseconds(random.Next(300, 2500)));
            Assert.False(gateway.HasExited, gateway.Output);
        }

        await using var survivor = _gate.StartGateway();
        await Eventually.True(() => JournalProbe.Read(_gate.JournalPath).LastSeq >= 20, "twenty recorded attempts in all", TimeSpan.FromSeconds(60));
        await simulator.StopAsync(TimeSpan.FromSeconds(10));
        await AllDeliveredAsync(centre);

        AssertCompleteAndOrdered(centre);
    }

    public async Task DisposeAsync()
    {
        await _broker.DisposeAsync();
        _gate.Dispose();
    }

    /// <summary>Waits until the journal has nothing undelivered and the centre has every sequence number in it.</summary>
    private async Task AllDeliveredAsync(CentreSubscriber centre)
    {
        await Eventually.True(() => JournalProbe.Read(_gate.JournalPath) is { Undelivered: 0 }, "the journal to drain", TimeSpan.FromSeconds(60));
        long last = JournalProbe.Read(_gate.JournalPath).LastSeq;
        await Eventually.True(() => centre.SeqCount >= last, $"all {last} events at the centre", TimeSpan.FromSeconds(30));
    }

    /// <summary>Every sequence number from 1 arrived; a repeat is the same event; first arrivals come in sequence order.</summary>
    private void AssertCompleteAndOrdered(CentreSubscriber centre)
    {
        long last = JournalProbe.Read(_gate.JournalPath).LastSeq;
        var passages = centre.Passages.ToArray();
        Assert.Equal(Enumerable.Range(1, (int)last).Select(i => (long)i), centre.Seqs);
        foreach (var group in passages.GroupBy(p => p.GetProperty("seq").GetInt64()))
        {
            Assert.Single(group.Select(p => p.GetProperty("id").GetString()).Distinct());
        }

        var firstArrivals = passages.Select(p => p.GetProperty("seq").GetInt64()).Distinct().ToArray();
        Assert.Equal(firstArrivals.Order(), firstArrivals);
        Assert.All(passages, p => Assert.Equal(JsonValueKind.String, p.GetProperty("outcome").ValueKind));
    }
}
