using System.Globalization;
using System.Text.Json;
using GateEdge.SystemTests.Support;

namespace GateEdge.SystemTests;

/// <summary>
/// A box without a real-time clock boots before its network: it decides and records with a clock
/// two days behind until its time service synchronises it. Every event says whether its clock was
/// synchronised, with the boot and the monotonic time, and the centre places the early ones at the
/// time they really happened (docs/reliability.md, docs/centre.md).
/// </summary>
public sealed class ClockFaultMatrixTests : FaultMatrixTest
{
    private static readonly TimeSpan TwoDays = TimeSpan.FromDays(2);

    [Fact]
    public async Task A_box_booted_two_days_behind_marks_those_events_unsynchronised_and_the_centre_places_them()
    {
        int statusPort = Loopback.FreePort();
        Gate.WriteGatewayConfig(statusPage: $$"""{ "Listen": "http://127.0.0.1:{{statusPort}}" }""");
        Gate.WriteSteadyTrafficScript();
        File.Delete(Gate.ClockSynchronisedFlag);
        var clock = FakeClock.In(Gate.Dir);
        clock.Set("-2d");
        await using var ingest = await TestIngest.StartAsync(Broker.Port);
        await using var centre = await CentreSubscriber.ConnectAsync(Broker.Port);
        await using var gateway = Gate.StartGateway(clock.Environment);
        await gateway.WaitForLineAsync("Connected to the broker", TimeSpan.FromSeconds(60));
        ingest.Enrol("gw-7", Gate.StateDirectory);
        await using var worker = ingest.StartWorker("ingest-1");
        await worker.WaitForLineAsync("Ingesting", TimeSpan.FromSeconds(30));
        var testStarted = DateTimeOffset.UtcNow;
        await using var simulator = Gate.StartSimulator();
        await Eventually.True(() => centre.SeqCount >= 6, () => $"traffic before the clock is synchronised\n{gateway.Output}", TimeSpan.FromSeconds(60));
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{statusPort}") };
        Assert.False(await ClockSynchronisedAsync(http)); // the status page says so

        // The time service steps the clock, and then says it is synchronised (once the gateway has taken the step: libfaketime reads it each second).
        clock.Set("+0");
        await Eventually.True(() => centre.Passages.Any(p => Time(p) > testStarted), "a passage stamped after the step", TimeSpan.FromSeconds(30));
        File.WriteAllText(Gate.ClockSynchronisedFlag, "");
        await gateway.WaitForLineAsync("Clock synchronised", TimeSpan.FromSeconds(30));
        Assert.True(await ClockSynchronisedAsync(http));
        long synchronisedAt = JournalProbe.Read(Gate.JournalPath).LastSeq;
        await Eventually.True(() => centre.SeqCount >= synchronisedAt + 4, "traffic after the synchronisation", TimeSpan.FromSeconds(60));
        await simulator.StopAsync(TimeSpan.FromSeconds(10));
        await Delivery.AllDeliveredAsync(centre, Gate.JournalPath);
        Delivery.AssertCompleteAndOrdered(centre, Gate.JournalPath);

        var events = centre.Events.DistinctBy(e => e.GetProperty("seq").GetInt64()).OrderBy(e => e.GetProperty("seq").GetInt64()).ToList();
        var alarm = Assert.Single(events, e => e.TryGetProperty("alarm", out var a) && a.GetString() == "clock-synchronised");
        var stampedBehind = events.Where(e => e.GetProperty("time").GetDateTimeOffset() < testStarted - TimeSpan.FromDays(1)).ToList();
        var unsynchronised = events.Where(e => e.GetProperty("clock").GetProperty("synced").GetBoolean() == false).ToList();
        Assert.True(stampedBehind.Count >= 6, $"{stampedBehind.Count} events stamped two days behind");
        // The time service steps the clock a moment before it says it is synchronised: events in that moment are
        // stamped right, and still not synchronised.
        Assert.Equal(Enumerable.Range(1, unsynchronised.Count).Select(n => (long)n), unsynchronised.Select(Seq));
        Assert.Equal(stampedBehind.Select(Seq), unsynchronised.Take(stampedBehind.Count).Select(Seq));
        Assert.Equal((Seq(unsynchronised[0]), Seq(unsynchronised[^1])), (alarm.GetProperty("fromSeq").GetInt64(), alarm.GetProperty("toSeq").GetInt64()));
        Assert.Contains("stamped before it and the clock moved 172800", alarm.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Single(events.Select(e => e.GetProperty("clock").GetProperty("boot").GetString()).Distinct());

        // At the centre: each early event is placed two days after its stamp, to the millisecond the
        // monotonic clock gives, and the investigator's question by time finds it where it happened.
        await Eventually.True(() => ingest.SqlAsync("SELECT count(*) FROM gateway_events").Result == events.Count.ToString(CultureInfo.InvariantCulture),
            "every event stored at the centre", TimeSpan.FromSeconds(60));
        var placed = (await ingest.SqlAsync("""
            SELECT seq || '|' || clock || '|' || round(extract(epoch FROM placed_time - time)::numeric, 1) FROM placed_events WHERE NOT clock_synced ORDER BY seq
            """)).Split('\n');
        Assert.Equal(unsynchronised.Select(e => $"{Seq(e)}|placed|{(Seq(e) <= Seq(stampedBehind[^1]) ? "172800.0" : "0.0")}"), placed);
        var (exit, answer) = await ingest.RunAsync("query", "gate", "--compound", "c-7", "--gate", "east",
            "--from", testStarted.AddMinutes(-1).ToString("O", CultureInfo.InvariantCulture), "--to", DateTimeOffset.UtcNow.AddMinutes(1).ToString("O", CultureInfo.InvariantCulture), "--format", "csv");
        Assert.True(exit == 0, answer);
        var rows = answer.Split('\n', StringSplitOptions.RemoveEmptyEntries)[1..];
        Assert.Equal(events.Count(e => e.GetProperty("schema").GetString()!.StartsWith("gateedge.passage/", StringComparison.Ordinal)), rows.Length);
        Assert.Equal(unsynchronised.Count(e => e.GetProperty("schema").GetString()!.StartsWith("gateedge.passage/", StringComparison.Ordinal)),
            rows.Count(r => r.Contains(",not synchronised; stamped ", StringComparison.Ordinal)));
        Assert.Equal(stampedBehind.Count(e => e.GetProperty("schema").GetString()!.StartsWith("gateedge.passage/", StringComparison.Ordinal)),
            rows.Count(r => r.Contains(",not synchronised; stamped " + testStarted.UtcDateTime.AddDays(-2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), StringComparison.Ordinal)));
        var (verified, report) = await ingest.RunAsync("verify", "--keys", ingest.KeysFolder);
        Assert.True(verified == 0, report);

        Report("booted with the clock 2 days behind, synchronised mid-traffic", centre,
            $"{unsynchronised.Count} events marked unsynchronised (one boot), a clock-synchronised alarm naming {Seq(unsynchronised[0])}–{Seq(unsynchronised[^1])}; the centre placed the {stampedBehind.Count} stamped two days behind 172800.0 s after their stamps");
    }

    private static long Seq(JsonElement e) => e.GetProperty("seq").GetInt64();

    private static async Task<bool> ClockSynchronisedAsync(HttpClient http) =>
        JsonDocument.Parse(await http.GetStringAsync("/api/status")).RootElement.GetProperty("gateway").GetProperty("clockSynchronised").GetBoolean();
}
