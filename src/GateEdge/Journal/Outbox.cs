using Microsoft.Data.Sqlite;

namespace GateEdge.Journal;

/// <summary>
/// The delivery side of the journal: the publisher reads undelivered events in sequence order and
/// marks them delivered after the broker's ack, by deleting their row in <c>undelivered</c>; a
/// republish from the centre puts events still held back in it.
/// </summary>
internal sealed class Outbox : IOutbox
{
    private readonly SharedConnection _connection;
    private readonly JournalAppender _appender;
    private readonly JournalHealth _health;
    // Counted as events are committed and marked, never by scanning: the status page, metrics and
    // heartbeat ask often, and a COUNT over a million-event backlog would hold up the drain.
    private long _undelivered;

    public Outbox(SharedConnection connection, JournalAppender appender, JournalHealth health)
    {
        _connection = connection;
        _appender = appender;
        _health = health;
        _undelivered = connection.Use(c => Sql.Scalar(c, "SELECT COUNT(*) FROM undelivered"));
        appender.Committed += count =>
        {
            Interlocked.Add(ref _undelivered, count);
            Appended?.Invoke();
        };
    }

    public event Action? Appended;

    public event Action? Requeued;

    public long LastSeq => _appender.LastSeq;

    public IReadOnlyList<JournalEntry> ReadUndelivered(long afterSeq, int limit) => _connection.Use(c =>
    {
        using var command = c.CreateCommand();
        command.CommandText = "SELECT e.seq, e.kind, e.payload, e.hash, e.sig, e.redacted FROM undelivered u CROSS JOIN events e ON e.seq = u.seq WHERE u.seq > $after ORDER BY u.seq LIMIT $limit";
        command.Parameters.AddWithValue("$after", afterSeq);
        command.Parameters.AddWithValue("$limit", limit);
        return Entries(command);
    });

    public bool MarkDelivered(IReadOnlyList<long> seqs)
    {
        if (seqs.Count == 0)
        {
            return true;
        }

        try
        {
            _connection.Use(c =>
            {
                using var transaction = c.BeginTransaction();
                using var command = c.CreateCommand();
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
                return marked;
            });
        }
        catch (SqliteException ex)
        {
            _health.Failed(ex);
            return false;
        }

        _health.Succeeded();
        return true;
    }

    /// <summary>
    /// Sends events <paramref name="from"/>..<paramref name="to"/> again (the centre's republish for
    /// a gap): those still held go back into the backlog. Returns how many were queued and the
    /// ranges no longer held here (pruned or lost), which the answer names.
    /// </summary>
    public (int Queued, IReadOnlyList<(long First, long Last)> Missing) Resend(long from, long to) => _connection.Use(c =>
    {
        using var transaction = c.BeginTransaction();
        var held = new List<long>();
        using (var select = c.CreateCommand())
        {
            select.CommandText = "SELECT seq FROM events WHERE seq BETWEEN $from AND $to ORDER BY seq";
            select.Parameters.AddWithValue("$from", from);
            select.Parameters.AddWithValue("$to", to);
            using var rows = select.ExecuteReader();
            while (rows.Read())
            {
                held.Add(rows.GetInt64(0));
            }
        }

        using var insert = c.CreateCommand();
        insert.CommandText = "INSERT OR IGNORE INTO undelivered (seq) SELECT seq FROM events WHERE seq BETWEEN $from AND $to";
        insert.Parameters.AddWithValue("$from", from);
        insert.Parameters.AddWithValue("$to", to);
        int queued = insert.ExecuteNonQuery();
        transaction.Commit();
        Interlocked.Add(ref _undelivered, queued);
        Requeued?.Invoke();
        return (queued, Gaps(held, from, Math.Min(to, _appender.LastSeq)));
    });

    /// <summary>When the oldest event still waiting for the broker was stored; null when none waits.</summary>
    public DateTimeOffset? OldestUndeliveredStoredAt() => _connection.Use(c =>
    {
        // One lookup in each table, whatever the backlog.
        using var command = c.CreateCommand();
        command.CommandText = "SELECT e.stored_at FROM undelivered u CROSS JOIN events e ON e.seq = u.seq ORDER BY u.seq LIMIT 1";
        return command.ExecuteScalar() is long ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : (DateTimeOffset?)null;
    });

    /// <summary>
    /// Events stored and not yet acknowledged by the broker. For a moment after a commit it may lag
    /// by the events just stored and already marked; it is never below zero.
    /// </summary>
    public long CountUndelivered() => Math.Max(0, Interlocked.Read(ref _undelivered));

    internal static List<JournalEntry> Entries(SqliteCommand command)
    {
        using var rows = command.ExecuteReader();
        var entries = new List<JournalEntry>();
        while (rows.Read())
        {
            entries.Add(new JournalEntry(rows.GetInt64(0), rows.GetString(1), (byte[])rows[2],
                rows.IsDBNull(3) ? null : (byte[])rows[3], rows.IsDBNull(4) ? null : (byte[])rows[4], rows.GetInt64(5) != 0));
        }

        return entries;
    }

    private static List<(long, long)> Gaps(List<long> held, long from, long to)
    {
        var gaps = new List<(long, long)>();
        long next = from;
        foreach (var seq in held)
        {
            if (seq > next)
            {
                gaps.Add((next, seq - 1));
            }

            next = seq + 1;
        }

        if (next <= to)
        {
            gaps.Add((next, to));
        }

        return gaps;
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
}
