using GateEdge.Trust;
using System.Text;
using GateEdge.Journal;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace GateEdge.Tests.Journal;

public sealed class EventJournalTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gateedge-journal-").FullName;

    private string DbPath => Path.Combine(_dir, "journal.db");

    [Fact]
    public async Task Appends_get_gap_free_sequence_numbers_and_version_7_ids_that_the_payload_carries()
    {
        await using var journal = Open();

        var stamps = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => Append(journal)));

        Assert.Equal(Enumerable.Range(1, 200).Select(i => (long)i), stamps.Select(s => s.Seq).Order());
        Assert.All(stamps, s => Assert.Equal(7, s.Id.Version));
        Assert.Equal(200, stamps.Select(s => s.Id).Distinct().Count());
        var stored = journal.Outbox.ReadUndelivered(0, 1000);
        Assert.Equal(200, stored.Count);
        Assert.All(stored, e => Assert.StartsWith($"{{\"seq\":{e.Seq},", Encoding.UTF8.GetString(e.Payload), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Events_and_the_sequence_survive_a_restart()
    {
        await using (var first = Open())
        {
            await Append(first);
            await Append(first);
        }

        await using var second = Open();
        var third = await Append(second);

        Assert.Equal(3, third.Seq);
        Assert.Equal([1L, 2L, 3L], second.Outbox.ReadUndelivered(0, 10).Select(e => e.Seq));
    }

    [Fact]
    public async Task Delivered_events_leave_the_backlog_in_order()
    {
        await using var journal = Open();
        for (int i = 0; i < 5; i++)
        {
            await Append(journal);
        }

        journal.Outbox.MarkDelivered([1, 2, 4]);

        Assert.Equal([3L, 5L], journal.Outbox.ReadUndelivered(0, 10).Select(e => e.Seq));
        Assert.Equal([5L], journal.Outbox.ReadUndelivered(3, 10).Select(e => e.Seq));
        Assert.Equal(2, journal.Outbox.CountUndelivered());
    }

    [Fact]
    public async Task The_backlog_count_follows_appends_and_marks_and_survives_a_restart()
    {
        await using (var journal = Open())
        {
            for (int i = 0; i < 4; i++)
            {
                await Append(journal);
            }

            await Assert.ThrowsAsync<JournalWriteException>(() => journal.Appender.AppendAsync("t", _ => throw new InvalidOperationException("boom")));
            journal.Outbox.MarkDelivered([1, 2]);
            // A mark sent again (its first commit was thought lost) is not subtracted twice.
            journal.Outbox.MarkDelivered([2, 3]);
            Assert.Equal(1, journal.Outbox.CountUndelivered());
        }

        await using var reopened = Open();
        Assert.Equal(1, reopened.Outbox.CountUndelivered());
        await Append(reopened);
        Assert.Equal(2, reopened.Outbox.CountUndelivered());
    }

    [Fact]
    public async Task A_journal_that_kept_delivery_in_each_event_is_upgraded_and_what_waited_still_waits()
    {
        using (var old = new SqliteConnection($"Data Source={DbPath};Pooling=False"))
        {
            old.Open();
            using var create = old.CreateCommand();
            create.CommandText = """
                CREATE TABLE events (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, topic TEXT NOT NULL, payload BLOB NOT NULL,
                    stored_at INTEGER NOT NULL, delivered INTEGER NOT NULL DEFAULT 0);
                CREATE INDEX events_undelivered ON events (seq) WHERE delivered = 0;
                INSERT INTO events (seq, id, topic, payload, stored_at, delivered) VALUES
                    (1, 'a', 't', X'7B7D', 0, 1), (2, 'b', 't', X'7B7D', 0, 0), (3, 'c', 't', X'7B7D', 0, 1), (4, 'd', 't', X'7B7D', 0, 0);
                """;
            create.ExecuteNonQuery();
        }

        await using var journal = Open();

        Assert.Equal([2L, 4L], journal.Outbox.ReadUndelivered(0, 10).Select(e => e.Seq));
        Assert.Equal(2, journal.Outbox.CountUndelivered());
        Assert.Equal(5, (await Append(journal)).Seq);
        journal.Outbox.MarkDelivered([2]);
        Assert.Equal([4L, 5L], journal.Outbox.ReadUndelivered(0, 10).Select(e => e.Seq));
    }

    [Fact]
    public async Task An_append_that_cannot_be_stored_fails_and_the_sequence_stays_gap_free()
    {
        await using var journal = Open();
        await Append(journal);

        await Assert.ThrowsAsync<JournalWriteException>(() => journal.Appender.AppendAsync("t", _ => throw new InvalidOperationException("boom")));
        var next = await Append(journal);

        Assert.Equal(2, next.Seq);
    }

    [Fact]
    public async Task An_event_that_cannot_be_built_fails_alone_and_leaves_the_others_and_the_journal_healthy()
    {
        await using var journal = Open();

        // Queued together, so that the write loop takes them in one batch as it does under load.
        var good = Enumerable.Range(0, 50).Select(_ => Append(journal)).ToList();
        var bad = journal.Appender.AppendAsync("t", _ => throw new InvalidOperationException("a bug in one lane's event"));
        good.AddRange(Enumerable.Range(0, 50).Select(_ => Append(journal)));

        var error = await Assert.ThrowsAsync<JournalWriteException>(() => bad);
        var stamps = await Task.WhenAll(good);
        Assert.IsType<InvalidOperationException>(error.InnerException);
        Assert.Equal(Enumerable.Range(1, 100).Select(i => (long)i), stamps.Select(s => s.Seq).Order());
        Assert.Null(journal.Health.Fault);
        Assert.True(journal.Health.CanRecord);
    }

    [Fact]
    public async Task A_full_disk_is_a_recording_fault_named_as_such_until_a_commit_succeeds_again()
    {
        await using var journal = Open();
        int changes = 0;
        journal.Health.FaultChanged += () => changes++;
        await Append(journal);
        Assert.True(journal.Health.CanRecord);

        journal.LimitSize(1);
        await Assert.ThrowsAsync<JournalWriteException>(() => journal.Appender.AppendAsync("t", _ => new byte[64 * 1024]));
        await Assert.ThrowsAsync<JournalWriteException>(() => journal.Appender.AppendAsync("t", _ => new byte[64 * 1024]));

        Assert.False(journal.Health.CanRecord);
        Assert.Equal("the disk is full", journal.Health.Fault?.Problem);
        Assert.Equal(1, changes);

        journal.LimitSize(0);
        var next = await Append(journal);
        Assert.Equal(2, next.Seq);
        Assert.True(journal.Health.CanRecord);
        Assert.Null(journal.Health.Fault);
        Assert.Equal(2, changes);
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task The_journal_file_and_its_folder_are_private_to_the_service_user()
    {
        var path = Path.Combine(_dir, "state", "journal.db");
        await using (var journal = new EventJournal(path, 64, TimeProvider.System, NullLogger<EventJournal>.Instance, GatewayKey.Ephemeral()))
        {
            await Append(journal);
        }

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(path)!));
    }

    [Fact]
    public async Task An_older_copy_put_back_in_place_of_the_journal_never_makes_a_number_issued_twice_and_names_the_ones_it_lacks()
    {
        var copy = Path.Combine(_dir, "older-copy.db");
        string lastHead;
        await using (var journal = Open())
        {
            for (int i = 0; i < 3; i++)
            {
                await Append(journal);
            }

            journal.Housekeeping.TruncateWriteAheadLog();
            File.Copy(DbPath, copy);
            for (int i = 0; i < 5; i++)
            {
                await Append(journal);
            }

            lastHead = GateEdge.Evidence.EventChain.Hex(journal.Checkpoints.Head().Head);
        }

        // What a lost write-ahead log or a restored backup leaves: the file as it was at event 3.
        File.Copy(copy, DbPath, overwrite: true);
        File.Delete(DbPath + "-wal");
        await using var reopened = Open();

        Assert.Equal((4L, 8L), reopened.Missing);
        var next = await Append(reopened);
        Assert.Equal(9, next.Seq);
        Assert.Equal(lastHead, next.Prev);
    }

    [Fact]
    public async Task A_head_torn_by_a_power_cut_leaves_the_one_before_it()
    {
        await using (var journal = Open())
        {
            await Append(journal);
            await Append(journal);
        }

        // The newest write (event 2) went to the second slot; a torn write there leaves event 1's.
        using (var file = new FileStream(GateEdge.Journal.IssuedHead.PathFor(DbPath), FileMode.Open, FileAccess.Write))
        {
            file.Position = 64 + 10;
            file.WriteByte(0xFF);
        }

        using var head = GateEdge.Journal.IssuedHead.Open(GateEdge.Journal.IssuedHead.PathFor(DbPath));
        Assert.Equal(1, head.Last?.Seq);
    }

    [Fact]
    public async Task A_journal_that_is_no_longer_a_database_is_kept_aside_whole_and_a_new_one_continues_the_sequence_and_the_chain()
    {
        string lastHead;
        await using (var journal = Open())
        {
            for (int i = 0; i < 5; i++)
            {
                await Append(journal);
            }

            lastHead = GateEdge.Evidence.EventChain.Hex(journal.Checkpoints.Head().Head);
        }

        var garbage = new byte[8192];
        new Random(7).NextBytes(garbage);
        File.WriteAllBytes(DbPath, garbage);

        await using var reopened = new EventJournal(DbPath, 64, TimeProvider.System, NullLogger<EventJournal>.Instance, GatewayKey.Ephemeral(), setAsideDamaged: true);

        var damaged = Assert.IsType<DamagedJournal>(reopened.Damaged);
        Assert.Contains("not a database", damaged.Problem, StringComparison.Ordinal);
        Assert.Equal(garbage, File.ReadAllBytes(damaged.KeptAt));
        Assert.Equal((1L, 5L), reopened.Missing);
        var next = await Append(reopened);
        Assert.Equal((6L, lastHead), (next.Seq, next.Prev));
    }

    [Fact]
    public async Task A_sound_journal_is_left_in_place()
    {
        await using (var journal = Open())
        {
            await Append(journal);
        }

        await using var reopened = new EventJournal(DbPath, 64, TimeProvider.System, NullLogger<EventJournal>.Instance, GatewayKey.Ephemeral(), setAsideDamaged: true);

        Assert.Null(reopened.Damaged);
        Assert.Null(reopened.Missing);
        Assert.Equal(2, (await Append(reopened)).Seq);
        Assert.Empty(Directory.GetFiles(_dir, "*.damaged-*"));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private EventJournal Open() => new(DbPath, 64, TimeProvider.System, NullLogger<EventJournal>.Instance, GatewayKey.Ephemeral());

    private static Task<EventStamp> Append(EventJournal journal) =>
        journal.Appender.AppendAsync("gateedge/v1/c/g/gw/event/passage", s => Encoding.UTF8.GetBytes($"{{\"seq\":{s.Seq},\"id\":\"{s.Id}\"}}"));
}
