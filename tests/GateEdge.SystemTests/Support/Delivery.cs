using System.Text.Json;

namespace GateEdge.SystemTests.Support;

/// <summary>What the centre received compared with what the gateway journalled, event by event.</summary>
internal static class Delivery
{
    /// <summary>Waits until the journal has nothing undelivered and the centre has every sequence number in it.</summary>
    public static async Task AllDeliveredAsync(CentreSubscriber centre, string journalPath, TimeSpan? within = null)
    {
        await Eventually.True(() => JournalProbe.Read(journalPath) is { Undelivered: 0 }, () => $"the journal to drain: {JournalProbe.Read(journalPath)}", within ?? TimeSpan.FromSeconds(60));
        long last = JournalProbe.Read(journalPath).LastSeq;
        await Eventually.True(() => centre.SeqCount >= last, $"all {last} events at the centre", TimeSpan.FromSeconds(30));
    }

    /// <summary>Every sequence number from 1 arrived; a repeat is the same event; first arrivals come in sequence order.</summary>
    public static void AssertCompleteAndOrdered(CentreSubscriber centre, string journalPath)
    {
        long last = JournalProbe.Read(journalPath).LastSeq;
        var events = centre.Events.ToArray();
        Assert.Equal(Enumerable.Range(1, (int)last).Select(i => (long)i), centre.Seqs);
        foreach (var group in events.GroupBy(p => p.GetProperty("seq").GetInt64()))
        {
            Assert.Single(group.Select(p => p.GetProperty("id").GetString()).Distinct());
        }

        var firstArrivals = events.Select(p => p.GetProperty("seq").GetInt64()).Distinct().ToArray();
        Assert.Equal(firstArrivals.Order(), firstArrivals);
        Assert.All(centre.Passages, p => Assert.Equal(JsonValueKind.String, p.GetProperty("outcome").ValueKind));
    }

    /// <summary>Journalled events that arrived more than once (redeliveries).</summary>
    public static int Duplicates(CentreSubscriber centre) => centre.Events.Count() - centre.SeqCount;
}
