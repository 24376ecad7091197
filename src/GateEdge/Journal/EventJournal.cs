using System.Threading.Channels;
using GateEdge.Privacy;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using static GateEdge.Journal.Sql;

namespace GateEdge.Journal;

/// <summary>
/// The durable outbox. Appends are group-committed by one writer loop (WAL, synchronous=FULL),
/// so an append completes only once its event survives a power cut. The publisher reads
/// undelivered events in sequence order and marks them delivered after the broker's ack
/// (the tables: <see cref="JournalSchema"/>).
/// Whether commits succeed is tracked as <see cref="Fault"/>: health, the watchdog, the status
/// topic and the status page all ask it, so a full disk is never mistaken for a quiet gate.
/// </summary>
internal sealed partial class EventJournal : IAsyncDisposable
{
    private readonly Channel<PendingAppend> _appends = Channel.CreateUnbounded<PendingAppend>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SqliteConnection _writer;
    // The second connection, beside the write loop's: the publisher's reads and delivery marks, and
    // maintenance (pruning, redaction, checkpoints). Its writes are not appends, so they may be less durable.
    private readonly SqliteConnection _delivery;
    private readonly Lock _deliveryLock = new();
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly int _maxBatch;
    private readonly Task _writeLoop;
    private long _lastSeq;
    // Counted as events are committed and marked, never by scanning: the status page, metrics and
    // heartbeat ask often, and a COUNT over a million-event backlog would hold up the drain.
    private long _undelivered;
    private RecordingFault? _fault;

    /// <param name="maxSizeBytes">Most bytes the journal's database may take (0: as much as the disk has).</param>
    public EventJournal(string path, int maxBatch, TimeProvider time, ILogger<EventJournal> logger, long maxSizeBytes = 0)
    {
        _time = time;
        _logger = logger;
        _maxBatch = maxBatch;
        // The journal holds personal data (masked, but still about residents).
        PrivateFile.Create(path);
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();
        _writer = Open(connectionString);
        JournalSchema.CreateOrUpgrade(_writer);

        _delivery = Open(connectionString);
        // Delivered marks need not survive a power cut: a lost mark only means the event is sent
        // again, with its id, which consumers deduplicate. Appends keep synchronous = FULL.
        // Pruning and redaction zero what they remove, so purged personal data is not left in free pages.
        Execute(_delivery, "PRAGMA synchronous = NORMAL; PRAGMA secure_delete = ON;");
        _lastSeq = Scalar(_writer, "SELECT COALESCE(MAX(seq), 0) FROM events");
        _undelivered = Scalar(_writer, "SELECT COUNT(*) FROM undelivered");
        LimitSize(maxSizeBytes);
        _writeLoop = Task.Run(WriteLoopAsync);
    }

    /// <summary>Raised after each commit that added events; the publisher wakes on it.</summary>
    public event Action? Appended;

    public long LastSeq => Interlocked.Read(ref _lastSeq);

    /// <summary>Raised when commits start failing or succeed again.</summary>
    public event Action? FaultChanged;

    /// <summary>False once the writer loop has ended: nothing more can be recorded.</summary>
    public bool IsWriting => !_writeLoop.IsCompleted;

    /// <summary>Why the last commit failed, or null when it succeeded (or none was tried yet).</summary>
    public RecordingFault? Fault => Volatile.Read(ref _fault);

    /// <summary>The health question: can an attempt be recorded now?</summary>
    public bool CanRecord => IsWriting && Fault is null;

    /// <summary>
    /// Stores one event and completes once it is durable. <paramref name="serialize"/> runs on
    /// the writer loop with the event's stamp, so the payload carries its own sequence and id.
    /// </summary>
    public Task<EventStamp> AppendAsync(string topic, Func<EventStamp, byte[]> serialize)
    {
        var pending = new PendingAppend(topic, serialize, new TaskCompletionSource<EventStamp>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_appends.Writer.TryWrite(pending))
        {
            pending.Done.SetException(new JournalWriteException("the journal is closed", new ObjectDisposedException(nameof(EventJournal))));
        }

        return pending.Done.Task;
    }

    public IReadOnlyList<JournalEntry> ReadUndelivered(long afterSeq, int limit)
    {
        lock (_deliveryLock)
        {
            using var command = _delivery.CreateCommand();
            command.CommandText = "SELECT e.seq, e.topic, e.payload FROM undelivered u CROSS JOIN events e ON e.seq = u.seq WHERE u.seq > $after ORDER BY u.seq LIMIT $limit";
            command.Parameters.AddWithValue("$after", afterSeq);
            command.Parameters.AddWithValue("$limit", limit);
            using var rows = command.ExecuteReader();
            var entries = new List<JournalEntry>();
            while (rows.Read())
            {
                entries.Add(new JournalEntry(rows.GetInt64(0), rows.GetString(1), (byte[])rows[2]));
            }

            return entries;
        }
    }

    /// <summary>
    /// Marks events delivered. False when the disk refuses: the caller keeps the marks and tries
    /// again later; the events stay undelivered here, so at worst they are sent once more.
    /// </summary>
    public bool MarkDelivered(IReadOnlyList<long> seqs)
    {
        if (seqs.Count == 0)
        {
            return true;
        }

        try
        {
            lock (_deliveryLock)
            {
                using var transaction = _delivery.BeginTransaction();
                using var command = _delivery.CreateCommand();
                // One statement per run of consecutive sequences (a whole batch, as a rule). Only rows
                // still there count, so a mark retried after a refused commit is not subtracted twice.
                command.CommandText = "DELETE FROM undelivered WHERE seq BETWEEN $first AND $last";
                var first = command.Parameters.Add("$first", SqliteType.Integer);
                var last = command.Parameters.Add("$last", SqliteType.Integer);
                int marked = 0;
                foreach (var (from, to) in ConsecutiveRuns(seqs))
                {
                    first.Value = from;
                    last.Value = to;
                    marked += command.ExecuteNonQuery();
                }

                transaction.Commit();
                Interlocked.Add(ref _undelivered, -marked);
            }
        }
        catch (SqliteException ex)
        {
            Failed(ex);
            return false;
        }

        Succeeded();
        return true;
    }

    private static IEnumerable<(long First, long Last)> ConsecutiveRuns(IReadOnlyList<long> seqs)
    {
        long first = seqs[0], last = seqs[0];
        for (int i = 1; i < seqs.Count; i++)
        {
            if (seqs[i] != last + 1)
            {
                yield return (first, last);
                first = seqs[i];
            }

            last = seqs[i];
        }

        yield return (first, last);
    }

    /// <summary>
    /// Deletes delivered events stored before <paramref name="cutoff"/>. The newest event always
    /// stays, so the sequence continues from it after a restart.
    /// </summary>
    public int PruneDelivered(DateTimeOffset cutoff)
    {
        lock (_deliveryLock)
        {
            using var command = _delivery.CreateCommand();
            command.CommandText = """
                DELETE FROM events WHERE stored_at < $cutoff AND seq < (SELECT MAX(seq) FROM events)
                    AND NOT EXISTS (SELECT 1 FROM undelivered u WHERE u.seq = events.seq)
                """;
            command.Parameters.AddWithValue("$cutoff", cutoff.ToUnixTimeMilliseconds());
            return command.ExecuteNonQuery();
        }
    }

    /// <summary>
    /// Rewrites every not yet redacted event on <paramref name="topic"/> stored before
    /// <paramref name="cutoff"/> with <paramref name="redact"/>, delivered or not; the event
    /// itself stays. Returns how many were rewritten.
    /// </summary>
    public int RedactStoredBefore(DateTimeOffset cutoff, string topic, Func<byte[], byte[]> redact)
    {
        int total = 0;
        while (true)
        {
            lock (_deliveryLock)
            {
                using var transaction = _delivery.BeginTransaction();
                using var select = _delivery.CreateCommand();
                select.CommandText = "SELECT seq, payload FROM events WHERE redacted = 0 AND topic = $topic AND stored_at < $cutoff ORDER BY seq LIMIT 500";
                select.Parameters.AddWithValue("$topic", topic);
                select.Parameters.AddWithValue("$cutoff", cutoff.ToUnixTimeMilliseconds());
                var rows = new List<(long Seq, byte[] Payload)>();
                using (var reader = select.ExecuteReader())
                {
                    while (reader.Read())
                    {
                        rows.Add((reader.GetInt64(0), (byte[])reader[1]));
                    }
                }

                if (rows.Count == 0)
                {
                    return total;
                }

                using var update = _delivery.CreateCommand();
                update.CommandText = "UPDATE events SET payload = $payload, redacted = 1 WHERE seq = $seq";
                var seq = update.Parameters.Add("$seq", SqliteType.Integer);
                var payload = update.Parameters.Add("$payload", SqliteType.Blob);
                foreach (var row in rows)
                {
                    seq.Value = row.Seq;
                    payload.Value = redact(row.Payload);
                    update.ExecuteNonQuery();
                }

                transaction.Commit();
                total += rows.Count;
            }
        }
    }

    /// <summary>
    /// Moves everything in the write-ahead log into the database and empties the log file, so rows
    /// pruned or redacted (zeroed in the database by secure_delete) leave no copy on disk in the WAL.
    /// </summary>
    public void CheckpointAndTruncateLog()
    {
        lock (_deliveryLock)
        {
            Execute(_delivery, "PRAGMA wal_checkpoint(TRUNCATE);");
        }
    }

    /// <summary>When the oldest event still waiting for the broker was stored; null when none waits.</summary>
    public DateTimeOffset? OldestUndeliveredStoredAt()
    {
        lock (_deliveryLock)
        {
            // One lookup in each table, whatever the backlog.
            using var command = _delivery.CreateCommand();
            command.CommandText = "SELECT e.stored_at FROM undelivered u CROSS JOIN events e ON e.seq = u.seq ORDER BY u.seq LIMIT 1";
            return command.ExecuteScalar() is long ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
        }
    }

    /// <summary>
    /// Events stored and not yet acknowledged by the broker. For a moment after a commit it may lag
    /// by the events just stored and already marked; it is never below zero.
    /// </summary>
    public long CountUndelivered() => Math.Max(0, Interlocked.Read(ref _undelivered));

    public async ValueTask DisposeAsync()
    {
        _appends.Writer.TryComplete();
        await _writeLoop.ConfigureAwait(false);
        _writer.Dispose();
        _delivery.Dispose();
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<PendingAppend>(_maxBatch);
        while (await _appends.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (batch.Count < _maxBatch && _appends.Reader.TryRead(out var next))
            {
                batch.Add(next);
            }

            Commit(batch);
            batch.Clear();
            Appended?.Invoke();
        }
    }

    private void Commit(List<PendingAppend> batch)
    {
        long first = _lastSeq;
        var stored = new List<(PendingAppend Pending, EventStamp Stamp)>(batch.Count);
        try
        {
            using var transaction = _writer.BeginTransaction();
            using var command = _writer.CreateCommand();
            command.CommandText = "INSERT INTO events (seq, id, topic, payload, stored_at) VALUES ($seq, $id, $topic, $payload, $storedAt)";
            using var waiting = _writer.CreateCommand();
            waiting.CommandText = "INSERT INTO undelivered (seq) VALUES ($seq)";
            var waitingSeq = waiting.Parameters.Add("$seq", SqliteType.Integer);
            var seq = command.Parameters.Add("$seq", SqliteType.Integer);
            var id = command.Parameters.Add("$id", SqliteType.Text);
            var topic = command.Parameters.Add("$topic", SqliteType.Text);
            var payload = command.Parameters.Add("$payload", SqliteType.Blob);
            command.Parameters.AddWithValue("$storedAt", _time.GetUtcNow().ToUnixTimeMilliseconds());
            foreach (var pending in batch)
            {
                var stamp = new EventStamp(first + stored.Count + 1, Guid.CreateVersion7(_time.GetUtcNow()));
                if (Serialized(pending, stamp) is not { } bytes)
                {
                    continue;
                }

                seq.Value = stamp.Seq;
                id.Value = stamp.Id.ToString();
                topic.Value = pending.Topic;
                payload.Value = bytes;
                command.ExecuteNonQuery();
                waitingSeq.Value = stamp.Seq;
                waiting.ExecuteNonQuery();
                stored.Add((pending, stamp));
            }

            transaction.Commit();
        }
        catch (Exception ex)
        {
            Failed(ex);
            LogCommitFailed(batch.Count, RecordingFault.Describe(ex));
            foreach (var pending in batch)
            {
                pending.Done.TrySetException(new JournalWriteException("the event could not be stored", ex));
            }

            return;
        }

        Interlocked.Exchange(ref _lastSeq, first + stored.Count);
        Interlocked.Add(ref _undelivered, stored.Count);
        Succeeded();
        foreach (var (pending, stamp) in stored)
        {
            pending.Done.TrySetResult(stamp);
        }
    }

    /// <summary>
    /// The caller's bytes for the event; a caller whose event cannot be built fails alone (its gate
    /// stays shut, R2) without taking the sequence number, the batch or the journal's health with it.
    /// </summary>
    private byte[]? Serialized(PendingAppend pending, EventStamp stamp)
    {
        try
        {
            return pending.Serialize(stamp);
        }
        catch (Exception ex)
        {
            LogNotBuilt(ex, pending.Topic);
            pending.Done.TrySetException(new JournalWriteException("the event could not be built", ex));
            return null;
        }
    }

    /// <summary>
    /// Caps the database at <paramref name="maxBytes"/> (0: no cap); past it, commits fail as on a
    /// full disk. Called before the writer loop has work (at start, or by tests between appends).
    /// </summary>
    internal void LimitSize(long maxBytes)
    {
        long pageSize = Scalar(_writer, "PRAGMA page_size");
        long pages = maxBytes <= 0 ? int.MaxValue : Math.Max(1, maxBytes / pageSize);
        lock (_deliveryLock)
        {
            foreach (var connection in (SqliteConnection[])[_writer, _delivery])
            {
                Scalar(connection, $"PRAGMA max_page_count = {pages}");
            }
        }
    }

    private void Failed(Exception ex)
    {
        if (Fault is not null)
        {
            return;
        }

        var fault = new RecordingFault(RecordingFault.Describe(ex), _time.GetUtcNow(), _time.GetTimestamp());
        Volatile.Write(ref _fault, fault);
        LogRecordingImpossible(ex, fault.Problem);
        FaultChanged?.Invoke();
    }

    private void Succeeded()
    {
        if (Interlocked.Exchange(ref _fault, null) is { } ended)
        {
            LogRecordingWorks(Math.Round(_time.GetElapsedTime(ended.SinceTimestamp).TotalSeconds, 1));
            FaultChanged?.Invoke();
        }
    }

    private static SqliteConnection Open(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        // WAL lets the publisher read while lanes append; FULL makes each commit survive power loss.
        Execute(connection, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA busy_timeout = 5000;");
        return connection;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "An event for {Topic} could not be built; it is not recorded and its gate stays closed (R2)")]
    private partial void LogNotBuilt(Exception exception, string topic);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Journal commit of {Count} events failed ({Problem}); their gates stay closed (R2)")]
    private partial void LogCommitFailed(int count, string problem);

    [LoggerMessage(Level = LogLevel.Error, Message = "Cannot record attempts: {Problem}. Gates stay closed (R2) until the state folder can be written again")]
    private partial void LogRecordingImpossible(Exception exception, string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "The journal records again after {Seconds} s")]
    private partial void LogRecordingWorks(double seconds);

    private sealed record PendingAppend(string Topic, Func<EventStamp, byte[]> Serialize, TaskCompletionSource<EventStamp> Done);
}
