using System.Text;
using GateEdge.Journal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace GateEdge.Tests.Journal;

public sealed class JournalMaintenanceTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gateedge-maintenance-").FullName;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly JournalOptions _options = new() { DeliveredRetention = TimeSpan.FromDays(7), BacklogAlarmAt = 2 };

    [Fact]
    public async Task Delivered_events_past_retention_go_undelivered_ones_never_do()
    {
        await using var journal = Open();
        await Append(journal, 3);
        journal.MarkDelivered([1, 3]);
        _time.Advance(TimeSpan.FromDays(7) + TimeSpan.FromSeconds(1));
        await Append(journal, 1);

        Maintenance(journal).RunOnce();

        Assert.Equal([2L, 4L], journal.ReadUndelivered(0, 10).Select(e => e.Seq));
        Assert.Equal(0, journal.PruneDelivered(_time.GetUtcNow()));
    }

    [Fact]
    public async Task The_newest_event_stays_so_the_sequence_continues_after_a_restart()
    {
        await using (var journal = Open())
        {
            await Append(journal, 2);
            journal.MarkDelivered([1, 2]);
            _time.Advance(TimeSpan.FromDays(30));
            Maintenance(journal).RunOnce();
        }

        await using var reopened = Open();
        Assert.Equal(3, (await Append(reopened, 1))[0].Seq);
    }

    [Fact]
    public async Task The_backlog_alarm_rises_at_its_limit_and_clears_below_it()
    {
        await using var journal = Open();
        var maintenance = Maintenance(journal);
        await Append(journal, 1);
        maintenance.RunOnce();
        Assert.False(maintenance.BacklogAlarm);

        await Append(journal, 1);
        maintenance.RunOnce();
        Assert.True(maintenance.BacklogAlarm);

        journal.MarkDelivered([1]);
        maintenance.RunOnce();
        Assert.False(maintenance.BacklogAlarm);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private EventJournal Open() => new(Path.Combine(_dir, "journal.db"), 64, _time, NullLogger<EventJournal>.Instance);

    private JournalMaintenance Maintenance(EventJournal journal) => new(journal, _options, _time, NullLogger<JournalMaintenance>.Instance);

    private static Task<EventStamp[]> Append(EventJournal journal, int count) =>
        Task.WhenAll(Enumerable.Range(0, count).Select(_ => journal.AppendAsync("t", s => Encoding.UTF8.GetBytes($"{{\"seq\":{s.Seq}}}"))));
}
