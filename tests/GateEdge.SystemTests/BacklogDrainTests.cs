using GateEdge.Trust;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using GateEdge.Events;
using GateEdge.Journal;
using GateEdge.SystemTests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit.Abstractions;

namespace GateEdge.SystemTests;

/// <summary>A gateway that comes back with a large backlog delivers all of it while its lanes keep deciding.</summary>
public sealed class BacklogDrainTests(ITestOutputHelper output) : SteadyTrafficTest
{
    private const int Backlog = 100_000;

    [Fact]
    public async Task A_backlog_of_100000_events_drains_in_order_while_lanes_keep_deciding()
    {
        await FillJournalAsync();
        await using var centre = await MosquittoSubCentre.StartAsync(Broker.Port, "gateedge/v1/+/+/+/event/+");
        await using var simulator = Gate.StartSimulator();
        var clock = Stopwatch.StartNew();
        await using var gateway = Gate.StartGateway();

        await Eventually.True(() => JournalProbe.Read(Gate.JournalPath).Undelivered == 0,
            () => $"the backlog to drain: {JournalProbe.Read(Gate.JournalPath)}", TimeSpan.FromMinutes(3));
        var drained = clock.Elapsed;
        await simulator.StopAsync(TimeSpan.FromSeconds(10));
        await Eventually.True(() => JournalProbe.Read(Gate.JournalPath).Undelivered == 0, "the last decisions to be delivered", TimeSpan.FromSeconds(30));
        long last = JournalProbe.Read(Gate.JournalPath).LastSeq;
        await Eventually.True(() => centre.Count >= last, () => $"all {last} events at the centre, {centre.Count} lines so far", TimeSpan.FromSeconds(120));
        output.WriteLine($"backlog drained in {drained.TotalSeconds:0.0} s from process start: {Backlog / drained.TotalSeconds:0} events/s");

        var payloads = centre.Payloads.ToArray();
        var seqs = payloads.Select(MosquittoSubCentre.Seq).ToArray();
        Assert.Equal(Enumerable.Range(1, (int)last).Select(i => (long)i), seqs.Distinct().Order());
        Assert.Equal(seqs.Distinct(), seqs.Distinct().Order());
        var decidedDuringDrain = payloads.Where(p => MosquittoSubCentre.Seq(p) > Backlog).Select(p => JsonDocument.Parse(p).RootElement)
            .Where(p => p.GetProperty("schema").GetString()!.StartsWith("gateedge.passage/", StringComparison.Ordinal)).ToArray();
        Assert.NotEmpty(decidedDuringDrain);
        Assert.All(decidedDuringDrain, p => Assert.Equal("allow", p.GetProperty("outcome").GetString()));
        Assert.All(centre.Headers.Take(10), h => Assert.True(h.Replayed));
    }

    [Fact]
    public async Task A_stored_event_that_is_not_JSON_is_delivered_as_stored_and_the_events_after_it_follow()
    {
        const string damaged = "{\"schema\":\"gateedge.passage/2\",\"seq\":2,\"outc";
        await using (var journal = new EventJournal(Gate.JournalPath, 512, TimeProvider.System, NullLogger<EventJournal>.Instance, GatewayKey.LoadOrCreate(Path.GetDirectoryName(Gate.JournalPath)!)))
        {
            foreach (var body in new[] { "{\"seq\":1}", damaged, "{\"seq\":3}" })
            {
                await journal.Appender.AppendAsync(EventKinds.Passage, _ => Encoding.UTF8.GetBytes(body));
            }
        }

        await using var centre = await MosquittoSubCentre.StartAsync(Broker.Port, "gateedge/v1/+/+/+/event/passage");
        await using var gateway = Gate.StartGateway();

        await Eventually.True(() => centre.Count >= 3, () => $"three events at the centre, {centre.Count} so far", TimeSpan.FromSeconds(30));
        Assert.Equal(["{\"seq\":1}", damaged, "{\"seq\":3}"], centre.Payloads);
        Assert.All(centre.Headers, h => Assert.True(h.Replayed));
    }

    /// <summary>Events a gateway stored while it could not reach the broker, written through its own journal.</summary>
    private async Task FillJournalAsync()
    {
        await using var journal = new EventJournal(Gate.JournalPath, 512, TimeProvider.System, NullLogger<EventJournal>.Instance, GatewayKey.LoadOrCreate(Path.GetDirectoryName(Gate.JournalPath)!));
        var padding = new string('x', 500);
        var appends = Enumerable.Range(0, Backlog).Select(_ => journal.Appender.AppendAsync(EventKinds.Passage, s => Encoding.UTF8.GetBytes(
            $$"""{"schema":"gateedge.passage/2","id":"{{s.Id}}","seq":{{s.Seq}},"outcome":"allow","note":"{{padding}}"}""")));
        await Task.WhenAll(appends);
    }
}
