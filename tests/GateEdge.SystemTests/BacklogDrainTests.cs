using System.Diagnostics;
using System.Text;
using GateEdge.Journal;
using GateEdge.SystemTests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit.Abstractions;

namespace GateEdge.SystemTests;

/// <summary>A gateway that comes back with a large backlog delivers all of it while its lanes keep deciding.</summary>
public sealed class BacklogDrainTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Backlog = 100_000;

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
    public async Task A_backlog_of_100000_events_drains_in_order_while_lanes_keep_deciding()
    {
        await FillJournalAsync();
        await using var centre = await CentreSubscriber.ConnectAsync(_broker.Port);
        await using var simulator = _gate.StartSimulator();
        var clock = Stopwatch.StartNew();
        await using var gateway = _gate.StartGateway();

        await Eventually.True(() => JournalProbe.Read(_gate.JournalPath).Undelivered == 0,
            () => $"the backlog to drain: {JournalProbe.Read(_gate.JournalPath)}", TimeSpan.FromMinutes(3));
        var drained = clock.Elapsed;
        long last = JournalProbe.Read(_gate.JournalPath).LastSeq;
        await Eventually.True(() => centre.Seqs.Count >= last, () => $"all {last} events at the centre, {centre.Seqs.Count} so far", TimeSpan.FromSeconds(60));
        output.WriteLine($"{last} events delivered in {drained.TotalSeconds:0.0} s from process start: {last / drained.TotalSeconds:0} events/s");

        Assert.Equal(Enumerable.Range(1, (int)last).Select(i => (long)i), centre.Seqs);
        var decidedDuringDrain = centre.Passages.Where(p => p.GetProperty("seq").GetInt64() > Backlog).ToArray();
        Assert.NotEmpty(decidedDuringDrain);
        Assert.All(decidedDuringDrain, p => Assert.Equal("allow", p.GetProperty("outcome").GetString()));
        Assert.All(centre.Passages.Take(10), p => Assert.True(p.GetProperty("replayed").GetBoolean()));
    }

    public async Task DisposeAsync()
    {
        await _broker.DisposeAsync();
        _gate.Dispose();
    }

    /// <summary>Events a gateway stored while it could not reach the broker, written through its own journal.</summary>
    private async Task FillJournalAsync()
    {
        await using var journal = new EventJournal(_gate.JournalPath, 512, TimeProvider.System, NullLogger<EventJournal>.Instance);
        const string topic = "gateedge/v1/c-7/east/gw-7/event/passage";
        var padding = new string('x', 500);
        var appends = Enumerable.Range(0, Backlog).Select(_ => journal.AppendAsync(topic, s => Encoding.UTF8.GetBytes(
            $$"""{"schema":"gateedge.passage/1","id":"{{s.Id}}","seq":{{s.Seq}},"outcome":"allow","note":"{{padding}}"}""")));
        await Task.WhenAll(appends);
    }
}
