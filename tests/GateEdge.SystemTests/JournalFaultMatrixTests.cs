using System.Diagnostics;
using System.Text.Json;
using GateEdge.SystemTests.Support;

namespace GateEdge.SystemTests;

/// <summary>
/// The journal file itself goes bad between two runs (what a worn SD card or a power cut on a bad
/// file system leaves), or is deleted under the running gateway. The gate must come back deciding on its own, keep the damaged file, tell
/// the centre first, and never issue a sequence number twice: the centre's received stream is
/// checked across both runs.
/// </summary>
public sealed class JournalFaultMatrixTests : FaultMatrixTest
{
    [Fact]
    public async Task A_journal_replaced_by_garbage_is_kept_aside_the_gate_decides_at_once_and_no_number_is_issued_twice()
    {
        Gate.WriteGatewayConfig("""{ "DuplicateWindow": "00:00:00", "MaskRequired": false }""");
        Gate.WriteSteadyTrafficScript();
        await using var centre = await CentreSubscriber.ConnectAsync(Broker.Port);
        var before = new List<JsonElement>();
        await using (var gateway = Gate.StartGateway())
        {
            await using var simulator = Gate.StartSimulator();
            await Eventually.True(() => centre.SeqCount >= 6, () => $"traffic before the damage\n{gateway.Output}", TimeSpan.FromSeconds(60));
            await simulator.StopAsync(TimeSpan.FromSeconds(10));
            Assert.Equal(0, await gateway.StopAsync(TimeSpan.FromSeconds(15)));
        }

        long lastIssued = JournalProbe.Read(Gate.JournalPath).LastSeq;
        var garbage = new byte[64 * 1024];
        new Random(31).NextBytes(garbage);
        File.WriteAllBytes(Gate.JournalPath, garbage);
        File.Delete(Gate.JournalPath + "-wal");
        File.Delete(Gate.JournalPath + "-shm");
        int receivedBefore = centre.Events.Count();

        var restarted = Stopwatch.StartNew();
        await using var again = Gate.StartGateway();
        await using var traffic = Gate.StartSimulator();
        await Eventually.True(() => centre.Passages.Any(p => p.GetProperty("seq").GetInt64() > lastIssued),
            () => $"a passage decided after the restart\n{again.Output}", TimeSpan.FromSeconds(60));
        var decidedAfter = restarted.Elapsed;
        await traffic.StopAsync(TimeSpan.FromSeconds(10));

        // The damaged file is kept whole beside the new journal.
        var kept = Assert.Single(Directory.GetFiles(Path.GetDirectoryName(Gate.JournalPath)!, "journal.db.damaged-*"));
        Assert.Equal(garbage, File.ReadAllBytes(kept));

        // The new journal's first record is the alarm, numbered after the last number ever issued.
        var after = centre.Events.Skip(receivedBefore).ToList();
        var first = after.MinBy(e => e.GetProperty("seq").GetInt64());
        Assert.Equal(lastIssued + 1, first.GetProperty("seq").GetInt64());
        Assert.Equal("journal-damaged", first.GetProperty("alarm").GetString());
        Assert.Contains(kept, first.GetProperty("detail").GetString(), StringComparison.Ordinal);

        // No number stands for two different events anywhere in what the centre received.
        var clashes = centre.Events.GroupBy(e => e.GetProperty("seq").GetInt64())
            .Where(g => g.Select(e => e.GetProperty("id").GetString()).Distinct().Count() > 1).Select(g => g.Key).ToList();
        Assert.Empty(clashes);
        Report("journal replaced by garbage between two runs", centre,
            $"first passage decided {decidedAfter.TotalSeconds:0.0} s after the restart; damaged file kept; journal-damaged alarm at {lastIssued + 1}; no number reused");
    }

    [Fact]
    public async Task A_journal_deleted_under_the_running_gateway_stops_it_with_an_error_and_the_restart_reuses_no_number()
    {
        Gate.WriteGatewayConfig("""{ "DuplicateWindow": "00:00:00", "MaskRequired": false }""", more: "\"Journal\": { \"FileCheckInterval\": \"00:00:01\" }");
        Gate.WriteSteadyTrafficScript();
        await using var centre = await CentreSubscriber.ConnectAsync(Broker.Port);
        await using (var gateway = Gate.StartGateway())
        {
            await using var simulator = Gate.StartSimulator();
            await Eventually.True(() => centre.SeqCount >= 3, () => $"traffic before the cleanup\n{gateway.Output}", TimeSpan.FromSeconds(60));

            // A technician's cleanup of the state folder, with the gateway running.
            var noticed = Stopwatch.StartNew();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(Gate.JournalPath + suffix);
            }

            Assert.Equal(1, await gateway.ExitCodeAsync(TimeSpan.FromSeconds(30)));
            Assert.Contains(gateway.Lines, l => l.Contains("is gone from under the gateway", StringComparison.Ordinal));
            // Within the one-second check (and the stop that follows), not at some later start.
            Assert.InRange(noticed.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(10));
            await simulator.StopAsync(TimeSpan.FromSeconds(10));
        }

        long seenBefore = centre.Seqs.Max;
        await using var again = Gate.StartGateway();
        await using var traffic = Gate.StartSimulator();
        await Eventually.True(() => centre.Passages.Any(p => p.GetProperty("seq").GetInt64() > seenBefore),
            () => $"a passage decided after the restart\n{again.Output}", TimeSpan.FromSeconds(60));

        var clashes = centre.Events.GroupBy(e => e.GetProperty("seq").GetInt64())
            .Where(g => g.Select(e => e.GetProperty("id").GetString()).Distinct().Count() > 1).Select(g => g.Key).ToList();
        Assert.Empty(clashes);
    }

    [Fact]
    public async Task A_journal_that_lost_its_write_ahead_log_with_events_undelivered_issues_none_of_their_numbers_again_and_names_them()
    {
        Gate.WriteGatewayConfig("""{ "DuplicateWindow": "00:00:00", "MaskRequired": false }""");
        Gate.WriteSteadyTrafficScript();
        await using var centre = await CentreSubscriber.ConnectAsync(Broker.Port);
        await using (var gateway = Gate.StartGateway())
        {
            await using var simulator = Gate.StartSimulator();
            await Eventually.True(() => centre.SeqCount >= 3, () => $"traffic before the outage\n{gateway.Output}", TimeSpan.FromSeconds(60));
            await Broker.StopAsync();
            int Opened() => gateway.Lines.Count(l => l.Contains("relay pulse", StringComparison.Ordinal));
            int openedBefore = Opened();
            await Eventually.True(() => Opened() >= openedBefore + 5, () => $"five passages decided while the broker is away\n{gateway.Output}", TimeSpan.FromSeconds(30));
            // A power cut, and a file system that loses the journal's write-ahead log with it.
            gateway.KillIfRunning();
            await simulator.StopAsync(TimeSpan.FromSeconds(10));
        }

        long deliveredBefore = centre.Seqs.Max;
        var firstRun = centre.Events.Select(e => e.GetProperty("id").GetString()).ToHashSet();
        File.Delete(Gate.JournalPath + "-wal");
        File.Delete(Gate.JournalPath + "-shm");
        await Broker.RestartAsync();

        await using var again = Gate.StartGateway();
        await using var traffic = Gate.StartSimulator();
        bool IsMissingAlarm(JsonElement e) => e.TryGetProperty("alarm", out var a) && a.GetString() == "journal-missing-events";
        await Eventually.True(() => centre.Events.Any(IsMissingAlarm), () => $"the alarm naming the lost events\n{again.Output}", TimeSpan.FromSeconds(60));
        var missing = centre.Events.First(IsMissingAlarm);
        long lostFrom = missing.GetProperty("fromSeq").GetInt64(), lostTo = missing.GetProperty("toSeq").GetInt64();
        await Eventually.True(() => centre.Passages.Any(p => p.GetProperty("seq").GetInt64() > lostTo), "a passage decided after the restart", TimeSpan.FromSeconds(60));
        await traffic.StopAsync(TimeSpan.FromSeconds(10));

        // The lost events are named, reaching above what the centre held, and none of their numbers comes again:
        // whatever the centre has in that range it received from the first run.
        Assert.True(lostTo >= lostFrom && lostTo > deliveredBefore, $"lost {lostFrom}–{lostTo}, the centre held up to {deliveredBefore}");
        Assert.All(centre.Events.Where(e => e.GetProperty("seq").GetInt64() is var seq && seq >= lostFrom && seq <= lostTo),
            e => Assert.Contains(e.GetProperty("id").GetString(), firstRun));
        Assert.Equal(lostTo + 1, missing.GetProperty("seq").GetInt64());
        var clashes = centre.Events.GroupBy(e => e.GetProperty("seq").GetInt64())
            .Where(g => g.Select(e => e.GetProperty("id").GetString()).Distinct().Count() > 1).Select(g => g.Key).ToList();
        Assert.Empty(clashes);
        Report("write-ahead log lost with events undelivered (SIGKILL, then the -wal file deleted)", centre,
            $"events {lostFrom}–{lostTo} named lost by a journal-missing-events alarm; numbering continues at {lostTo + 1}; no number reused");
    }
}
