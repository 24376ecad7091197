using GateEdge.Trust;
using System.Text;
using System.Text.Json;
using GateEdge.Events;
using GateEdge.Journal;
using GateEdge.Privacy;
using GateEdge.Tests.Support;
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
        journal.Outbox.MarkDelivered([1, 3]);
        _time.Advance(TimeSpan.FromDays(7) + TimeSpan.FromSeconds(1));
        await Append(journal, 1);
        AcknowledgeHead(journal);

        Maintenance(journal).RunOnce();

        Assert.Equal([2L, 4L], journal.Outbox.ReadUndelivered(0, 10).Select(e => e.Seq));
        Assert.Equal(0, journal.Housekeeping.PruneDelivered(_time.GetUtcNow(), long.MaxValue));
        Assert.Equal(2, EventCount());
    }

    [Fact]
    public async Task Without_the_centres_acknowledgement_delivered_events_stay_past_retention_and_the_box_says_so()
    {
        await using var journal = Open();
        await Append(journal, 3);
        journal.Outbox.MarkDelivered([1, 2, 3]);
        _time.Advance(TimeSpan.FromDays(8));
        var maintenance = Maintenance(journal);

        maintenance.RunOnce();

        Assert.Equal(3, EventCount());
        Assert.Equal(2, maintenance.HeldForAcknowledgement);

        // The centre acknowledges a checkpoint at 1: only what it confirmed holding may go.
        Assert.Null(journal.Checkpoints.Acknowledge(1, HashAt(1)));
        maintenance.RunOnce();

        Assert.Equal(2, EventCount());
        Assert.Equal(1, maintenance.HeldForAcknowledgement);
        Assert.Null(journal.Checkpoints.Acknowledge(2, HashAt(2)));
        maintenance.RunOnce();

        Assert.Equal(1, EventCount());
        Assert.Equal(0, maintenance.HeldForAcknowledgement);
    }

    [Fact]
    public async Task An_acknowledgement_of_another_history_is_refused_and_prunes_nothing()
    {
        await using var journal = Open();
        await Append(journal, 3);
        journal.Outbox.MarkDelivered([1, 2, 3]);
        _time.Advance(TimeSpan.FromDays(8));

        var refused = journal.Checkpoints.Acknowledge(3, new string('a', 64));
        Maintenance(journal).RunOnce();

        Assert.Contains("different records", refused, StringComparison.Ordinal);
        Assert.Equal(0, journal.Checkpoints.AcknowledgedSize());
        Assert.Equal(3, EventCount());
    }

    [Fact]
    public async Task The_newest_event_stays_so_the_sequence_continues_after_a_restart()
    {
        await using (var journal = Open())
        {
            await Append(journal, 2);
            journal.Outbox.MarkDelivered([1, 2]);
            AcknowledgeHead(journal);
            _time.Advance(TimeSpan.FromDays(30));
            Maintenance(journal).RunOnce();
            Assert.Equal(1, EventCount());
        }

        await using var reopened = Open();
        Assert.Equal(3, (await Append(reopened, 1))[0].Seq);
    }

    [Fact]
    public async Task Passages_kept_past_the_personal_data_retention_lose_who_it_was_and_keep_the_rest()
    {
        await using var journal = Open();
        var redaction = new JournalRedaction("passage", TimeSpan.FromDays(30), PassageRedaction.Redact);
        await AppendPassage(journal);
        await journal.Appender.AppendAsync("other", s => Encoding.UTF8.GetBytes("{\"operator\":\"王主任\"}"));
        _time.Advance(TimeSpan.FromDays(30) + TimeSpan.FromSeconds(1));
        await AppendPassage(journal);

        Maintenance(journal, redaction).RunOnce();

        // What was purged has no copy left in the write-ahead log: it was checkpointed and emptied.
        Assert.Equal(0, new FileInfo(Path.Combine(_dir, "journal.db-wal")).Length);
        var stored = journal.Outbox.ReadUndelivered(0, 10);
        var purged = Sample with
        {
            Credential = new PassageEvent.CredentialPart("national-id", "********", null, "lane1-idcard", Sample.Credential.ReadAt),
            Person = new PassageEvent.PersonPart(null, "resident", null),
        };
        Assert.Equal(Encoding.UTF8.GetString(Serialized(purged)), Encoding.UTF8.GetString(stored[0].Payload));
        Assert.Equal("{\"operator\":\"王主任\"}", Encoding.UTF8.GetString(stored[1].Payload));
        Assert.Equal(Serialized(Sample), stored[2].Payload);
        Assert.Equal(0, journal.Housekeeping.RedactStoredBefore(_time.GetUtcNow() - TimeSpan.FromDays(30), "passage", _ => throw new InvalidOperationException("redacted twice")).Purged);
    }

    [Fact]
    public async Task A_damaged_row_is_erased_whole_and_named_once_and_the_rows_after_it_are_still_purged()
    {
        await using var journal = Open();
        var redaction = new JournalRedaction("passage", TimeSpan.FromDays(30), PassageRedaction.Redact);
        await AppendPassage(journal);
        await AppendPassage(journal);
        await AppendPassage(journal);
        Damage(seq: 2); // flipped bytes: no longer JSON
        _time.Advance(TimeSpan.FromDays(31));
        var maintenance = Maintenance(journal, redaction);

        var alarm = Assert.Single(maintenance.RunOnce());
        Assert.Equal((JournalAlarm.Kinds.RowErased, 2L), (alarm.Kind, alarm.Seq));
        var stored = journal.Outbox.ReadUndelivered(0, 10);
        Assert.All(stored, e => Assert.DoesNotContain("110105", Encoding.Latin1.GetString(e.Payload), StringComparison.Ordinal));
        Assert.All(stored[1].Payload, b => Assert.Equal(0, b));
        Assert.Empty(maintenance.RunOnce()); // named once, never tried again
    }

    [Fact]
    public async Task A_journal_from_before_redaction_gains_it_and_its_old_passages_are_purged()
    {
        using (var old = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(_dir, "journal.db")};Pooling=False"))
        {
            old.Open();
            using var create = old.CreateCommand();
            create.CommandText = """
                CREATE TABLE events (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, topic TEXT NOT NULL, payload BLOB NOT NULL,
                                     stored_at INTEGER NOT NULL, delivered INTEGER NOT NULL DEFAULT 0);
                INSERT INTO events (seq, id, topic, payload, stored_at) VALUES (1, 'a', 'passage', $payload, 0);
                """;
            create.Parameters.AddWithValue("$payload", Serialized(Sample));
            create.ExecuteNonQuery();
        }

        await using var journal = Open();
        Assert.Equal(1, journal.Housekeeping.RedactStoredBefore(_time.GetUtcNow(), "passage", PassageRedaction.Redact).Purged);
        Assert.DoesNotContain("11010519491231002X", Encoding.UTF8.GetString(journal.Outbox.ReadUndelivered(0, 1)[0].Payload), StringComparison.Ordinal);
        Assert.Equal(2, (await AppendPassage(journal)).Seq);
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

        journal.Outbox.MarkDelivered([1]);
        maintenance.RunOnce();
        Assert.False(maintenance.BacklogAlarm);
    }

    [Fact]
    public async Task A_journal_filling_its_cap_raises_one_alarm_long_before_it_is_full_and_clears_once_pruned()
    {
        await using var journal = Open();
        journal.LimitSize(512 * 1024);
        var maintenance = Maintenance(journal);
        await Append(journal, 1);
        Assert.Empty(maintenance.RunOnce());
        Assert.False(maintenance.SizeAlarm);

        // Passages until the journal holds 80 % of its cap; every one of them still stored.
        while (journal.Housekeeping.UsedBytes() * 100 < journal.MaxSizeBytes * 80)
        {
            await AppendPassage(journal);
        }

        Assert.Matches("of its 0.5 MiB cap \\(alarm at 80 %\\)", Assert.Single(maintenance.RunOnce(), a => a.Kind == JournalAlarm.Kinds.NearlyFull).Detail);
        Assert.True(maintenance.SizeAlarm);
        Assert.Empty(maintenance.RunOnce());
        Assert.True(maintenance.SizeAlarm);

        // Delivered and past retention, acknowledged by the centre: pruned, and the alarm clears.
        journal.Outbox.MarkDelivered([.. journal.Outbox.ReadUndelivered(0, 100_000).Select(e => e.Seq)]);
        _time.Advance(TimeSpan.FromDays(8));
        AcknowledgeHead(journal);
        Assert.Empty(maintenance.RunOnce());
        Assert.False(maintenance.SizeAlarm);
    }

    [Fact]
    public async Task The_running_service_hands_the_size_alarm_to_be_recorded_for_the_centre()
    {
        await using var journal = Open();
        journal.LimitSize(512 * 1024);
        while (journal.Housekeeping.UsedBytes() * 100 < journal.MaxSizeBytes * 80)
        {
            await AppendPassage(journal);
        }

        var recorded = new List<string>();
        using var maintenance = new JournalMaintenance(journal, _options, _time, NullLogger<JournalMaintenance>.Instance, alarms: alarm =>
        {
            lock (recorded)
            {
                recorded.Add(alarm.Detail);
            }

            return Task.CompletedTask;
        });
        await maintenance.StartAsync(CancellationToken.None);
        await Eventually.True(() => { lock (recorded) { return recorded.Count == 1; } }, "the alarm is handed over once");
        await maintenance.StopAsync(CancellationToken.None);
        Assert.Contains("raise Journal.MaxSizeMiB", recorded[0], StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static void AcknowledgeHead(EventJournal journal)
    {
        var (size, head) = journal.Checkpoints.Head();
        Assert.Null(journal.Checkpoints.Acknowledge(size, GateEdge.Evidence.EventChain.Hex(head)));
    }

    private string HashAt(long seq)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(_dir, "journal.db")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT hash FROM events WHERE seq = {seq}";
        return GateEdge.Evidence.EventChain.Hex((byte[])command.ExecuteScalar()!);
    }

    private long EventCount()
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(_dir, "journal.db")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM events";
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>Flips bytes of the stored body of event <paramref name="seq"/>, as a worn card does.</summary>
    private void Damage(long seq)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(_dir, "journal.db")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "UPDATE events SET payload = CAST(replace(CAST(payload AS TEXT), '{', 'x') AS BLOB) WHERE seq = $seq";
        command.Parameters.AddWithValue("$seq", seq);
        Assert.Equal(1, command.ExecuteNonQuery());
    }

    private EventJournal Open() => new(Path.Combine(_dir, "journal.db"), 64, _time, NullLogger<EventJournal>.Instance, GatewayKey.Ephemeral());

    private JournalMaintenance Maintenance(EventJournal journal, JournalRedaction? redaction = null) =>
        new(journal, _options, _time, NullLogger<JournalMaintenance>.Instance, redaction);

    private static readonly PassageEvent Sample = new(PassageEvent.SchemaId, "0193", 1, GateEdge.Evidence.EventChain.Genesis, new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.Zero),
        new GateEdge.Common.Clock.ClockReading(true, null, 12.5),
        "c-7", "east", "gw-7", "lane1", "in", "unattended",
        new PassageEvent.CredentialPart("national-id", "110105********002X", new string('a', 64), "lane1-idcard", new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.Zero), "11010519491231002X"),
        new PassageEvent.PersonPart("R-1", "resident", "张*", "张三"),
        new PassageEvent.TemperaturePart("normal", 36.6m, 36.6m, 25m, "lane1-thermometer", null),
        new PassageEvent.MaskPart("worn", "lane1-mask"), "allow", ["R1", "R3"], ["registered resident"], ["registered"], [], null,
        new Dictionary<string, string> { ["lane1-idcard"] = "online" });

    private static byte[] Serialized(PassageEvent passage) => JsonSerializer.SerializeToUtf8Bytes(passage, EventJson.Default.PassageEvent);

    private static Task<EventStamp> AppendPassage(EventJournal journal) => journal.Appender.AppendAsync("passage", _ => Serialized(Sample));

    private static Task<EventStamp[]> Append(EventJournal journal, int count) =>
        Task.WhenAll(Enumerable.Range(0, count).Select(_ => journal.Appender.AppendAsync("t", s => Encoding.UTF8.GetBytes($"{{\"seq\":{s.Seq}}}"))));
}
