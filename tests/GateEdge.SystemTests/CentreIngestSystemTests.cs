using GateEdge.SystemTests.Support;

namespace GateEdge.SystemTests;

/// <summary>
/// The reference centre keeps exactly the gateway's record: two ingest workers on a shared
/// subscription, PostgreSQL, mosquitto, and a gateway killed and a broker restarted in the middle
/// of steady traffic (docs/centre.md).
/// </summary>
public sealed class CentreIngestSystemTests : SteadyTrafficTest
{
    [Fact]
    public async Task Two_workers_store_exactly_the_journal_through_a_killed_gateway_and_a_restarted_broker_and_heal_the_gap_before_they_subscribed()
    {
        await using var centre = await TestIngest.StartAsync(Broker.Port);
        await using var simulator = Gate.StartSimulator();
        var gateway = Gate.StartGateway();
        var firstRun = gateway;
        // Delivered before any worker subscribed: the broker had no one to give them to, so the centre must ask for them.
        await Eventually.True(() => JournalProbe.Read(Gate.JournalPath) is { LastSeq: >= 6, Undelivered: 0 }, "traffic delivered before the centre listens", TimeSpan.FromSeconds(60));
        centre.Enrol("gw-7", Gate.StateDirectory);
        var workers = new[] { centre.StartWorker("ingest-1"), centre.StartWorker("ingest-2") };
        foreach (var worker in workers)
        {
            await worker.WaitForLineAsync("Ingesting", TimeSpan.FromSeconds(30));
        }

        await Eventually.True(() => Stored(centre) >= 20, "twenty events stored", TimeSpan.FromSeconds(60));
        await Eventually.True(() => firstRun.Lines.Any(l => l.Contains("The centre asked for events 1-", StringComparison.Ordinal)), "the gateway to be asked for the events before the centre listened", TimeSpan.FromSeconds(30));
        gateway.KillIfRunning(); // SIGKILL, mid-traffic
        await gateway.DisposeAsync();
        gateway = Gate.StartGateway();
        long afterKill = JournalProbe.Read(Gate.JournalPath).LastSeq;
        await Eventually.True(() => JournalProbe.Read(Gate.JournalPath).LastSeq >= afterKill + 6, "traffic after the restart", TimeSpan.FromSeconds(60));
        await Broker.StopAsync();
        await Broker.RestartAsync();
        long afterBroker = JournalProbe.Read(Gate.JournalPath).LastSeq;
        await Eventually.True(() => JournalProbe.Read(Gate.JournalPath).LastSeq >= afterBroker + 6, "traffic after the broker's restart", TimeSpan.FromSeconds(60));
        await simulator.StopAsync(TimeSpan.FromSeconds(10));
        await Eventually.True(() => JournalProbe.Read(Gate.JournalPath).Undelivered == 0, "the gateway to deliver everything", TimeSpan.FromSeconds(60));

        var journal = JournalProbe.Events(Gate.JournalPath);
        string Expected() => string.Join('\n', journal.Select(e => $"{e.Seq}|{e.Id}|{e.Hash}"));
        async Task<string> Held() => await centre.SqlAsync("SELECT seq || '|' || id || '|' || encode(hash, 'hex') FROM gateway_events WHERE gateway = 'gw-7' ORDER BY seq");
        await Eventually.True(() => Held().Result == Expected(), () => $"the database to hold exactly the journal's {journal.Count} events; it holds {Stored(centre)}", TimeSpan.FromSeconds(60));

        Assert.Equal("", await centre.SqlAsync("SELECT kind || ' #' || seq || ': ' || detail FROM integrity_alarms"));
        Assert.Contains(workers.SelectMany(w => w.Lines), l => l.Contains("gw-7: events 1-", StringComparison.Ordinal) && l.Contains("asked the gateway to send them again", StringComparison.Ordinal));
        // Checkpoints the gateway signed were checked against the stored chain and acknowledged back to it.
        await Eventually.True(() => JournalProbe.AcknowledgedSize(Gate.JournalPath) > 0, "the gateway to hold an acknowledged checkpoint", TimeSpan.FromSeconds(30));
        Assert.Equal("", await centre.SqlAsync("SELECT size FROM gateway_checkpoints WHERE verdict = 'forked'"));
        var (exit, report) = await centre.RunAsync("verify", "--keys", centre.KeysFolder);
        Assert.True(exit == 0, report);
        await gateway.DisposeAsync();
    }

    private static long Stored(TestIngest centre) => long.Parse(centre.SqlAsync("SELECT count(*) FROM gateway_events").Result, System.Globalization.CultureInfo.InvariantCulture);
}
