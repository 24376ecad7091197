using System.Text;
using GateEdge.SystemTests.Support;

namespace GateEdge.SystemTests;

/// <summary>
/// The purge of personal data after `Privacy.PersonalDataRetention` on the real gateway: once it has
/// run, no byte of the journal's files (database, write-ahead log, shared memory) still holds a
/// masked number of the passages it purged, in a row, a free page or a log frame.
/// </summary>
public sealed class PurgeSystemTests : GateTest
{
    [Fact]
    public async Task After_the_purge_no_copy_of_a_purged_passages_masked_number_is_left_anywhere_in_the_journals_files()
    {
        Gate.WriteGatewayConfig();
        Gate.WriteScript([(0, 36.6m, "00:00:00.2"), (1, 36.7m, "00:00:00.5"), (2, 36.6m, "00:00:00.5"), (0, 36.6m, "00:00:00.5"), (1, 36.7m, "00:00:00.5"), (2, 36.6m, "00:00:00.5")]);
        string[] masked = [.. TestGate.Residents.Take(3).Select(r => r.IdNumber[..6] + "********" + r.IdNumber[^4..])];
        await using (var gateway = Gate.StartGateway())
        await using (var simulator = Gate.StartSimulator())
        {
            await Eventually.True(() => JournalProbe.Read(Gate.JournalPath) is { LastSeq: 12, Undelivered: 0 }, "six passages and their actuations recorded and delivered", TimeSpan.FromSeconds(60));
            Assert.Equal(0, await gateway.StopAsync(TimeSpan.FromSeconds(30)));
        }

        Assert.All(masked, m => Assert.True(Holding(m).Count > 0, $"{m} should be in the journal before the purge (the scan would find it)"));

        // A month and a day later: the maintenance at start purges all six passages.
        var clock = FakeClock.In(Gate.Dir);
        clock.Set("+31d");
        await using (var later = Gate.StartGateway(clock.Environment))
        {
            await later.WaitForLineAsync("purged personal data from 6 events", TimeSpan.FromSeconds(30));
            Assert.Equal(0, await later.StopAsync(TimeSpan.FromSeconds(30)));
        }

        Assert.All(masked, m => Assert.Empty(Holding(m)));
        Assert.Equal(12, JournalProbe.Read(Gate.JournalPath).LastSeq);
    }

    /// <summary>The journal's files that hold <paramref name="text"/> anywhere in their bytes.</summary>
    private List<string> Holding(string text)
    {
        var needle = Encoding.UTF8.GetBytes(text);
        return [.. Directory.EnumerateFiles(Gate.StateDirectory, "journal.db*").Where(f => File.ReadAllBytes(f).AsSpan().IndexOf(needle) >= 0).Select(f => Path.GetFileName(f))];
    }
}
