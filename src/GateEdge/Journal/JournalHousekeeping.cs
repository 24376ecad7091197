using Microsoft.Data.Sqlite;
using static GateEdge.Journal.Sql;

namespace GateEdge.Journal;

/// <summary>
/// The journal's upkeep, as statements: pruning delivered events, purging personal data from old
/// ones, and emptying the write-ahead log. <see cref="JournalMaintenance"/> decides when.
/// </summary>
internal sealed class JournalHousekeeping(SharedConnection connection)
{
    /// <summary>
    /// Deletes delivered events stored before <paramref name="cutoff"/> up to <paramref name="upTo"/>
    /// (the centre's acknowledged checkpoint, or no limit). The newest event
    /// always stays, and so does the <c>chain</c> row: the sequence continues whatever is deleted.
    /// </summary>
    public int PruneDelivered(DateTimeOffset cutoff, long upTo) => connection.Use(c =>
    {
        using var command = c.CreateCommand();
        command.CommandText = """
            DELETE FROM events WHERE stored_at < $cutoff AND seq <= $upTo AND seq < (SELECT MAX(seq) FROM events)
                AND NOT EXISTS (SELECT 1 FROM undelivered u WHERE u.seq = events.seq)
                AND NOT EXISTS (SELECT 1 FROM openings o WHERE o.seq = events.seq)
            """;
        command.Parameters.AddWithValue("$cutoff", cutoff.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$upTo", upTo);
        return command.ExecuteNonQuery();
    });

    /// <summary>Delivered events past <paramref name="cutoff"/> that only the missing acknowledgement keeps: what an unacknowledged box holds past its retention.</summary>
    public long HeldForAcknowledgement(DateTimeOffset cutoff, long acknowledged) => connection.Use(c =>
    {
        using var command = c.CreateCommand();
        command.CommandText = """
            SELECT COUNT(*) FROM events WHERE stored_at < $cutoff AND seq > $acknowledged AND seq < (SELECT MAX(seq) FROM events)
                AND NOT EXISTS (SELECT 1 FROM undelivered u WHERE u.seq = events.seq)
            """;
        command.Parameters.AddWithValue("$cutoff", cutoff.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$acknowledged", acknowledged);
        return (long)command.ExecuteScalar()!;
    });

    /// <summary>
    /// Replaces the body of every not yet redacted event of <paramref name="kind"/> stored before
    /// <paramref name="cutoff"/> with <paramref name="redact"/>'s copy, delivered or not. Its hash and
    /// signature stay: the chain still holds, and the copy goes out marked as redacted. A body
    /// <paramref name="redact"/> cannot read (a damaged row) is erased whole, once, and named in
    /// <see cref="Redaction.Erased"/>: its personal data cannot be purged field by field, and a
    /// damaged row must not stop the purge of every row after it.
    /// </summary>
    public Redaction RedactStoredBefore(DateTimeOffset cutoff, string kind, Func<byte[], byte[]> redact)
    {
        int total = 0;
        var erased = new List<long>();
        while (true)
        {
            int done = connection.Use(c =>
            {
                using var transaction = c.BeginTransaction();
                using var select = c.CreateCommand();
                select.CommandText = "SELECT seq, payload FROM events WHERE redacted = 0 AND kind = $kind AND stored_at < $cutoff ORDER BY seq LIMIT 500";
                select.Parameters.AddWithValue("$kind", kind);
                select.Parameters.AddWithValue("$cutoff", cutoff.ToUnixTimeMilliseconds());
                var rows = new List<(long Seq, byte[] Payload)>();
                using (var reader = select.ExecuteReader())
                {
                    while (reader.Read())
                    {
                        rows.Add((reader.GetInt64(0), (byte[])reader[1]));
                    }
                }

                using var update = c.CreateCommand();
                update.CommandText = "UPDATE events SET payload = $payload, redacted = 1 WHERE seq = $seq";
                var seq = update.Parameters.Add("$seq", SqliteType.Integer);
                var payload = update.Parameters.Add("$payload", SqliteType.Blob);
                foreach (var row in rows)
                {
                    seq.Value = row.Seq;
                    payload.Value = Redacted(row.Seq, row.Payload);
                    update.ExecuteNonQuery();
                }

                transaction.Commit();
                return rows.Count;
            });
            if (done == 0)
            {
                return new Redaction(total, erased);
            }

            total += done;
        }

        byte[] Redacted(long seq, byte[] stored)
        {
            try
            {
                return redact(stored);
            }
            catch (Exception ex) when (ex is System.Text.Json.JsonException or FormatException or NotSupportedException or InvalidOperationException)
            {
                erased.Add(seq);
                return new byte[stored.Length];
            }
        }
    }

    /// <summary>How many bodies a purge rewrote, and which of them it erased whole because they could not be read.</summary>
    internal sealed record Redaction(int Purged, IReadOnlyList<long> Erased);

    /// <summary>
    /// Moves everything in the write-ahead log into the database and empties the log file, so rows
    /// pruned or redacted (zeroed in the database by secure_delete) leave no copy on disk in the WAL.
    /// </summary>
    /// <summary>Bytes of the database in use (pages on the free list are reused before the file grows).</summary>
    public long UsedBytes() => connection.Use(c =>
        Scalar(c, "PRAGMA page_size") * (Scalar(c, "PRAGMA page_count") - Scalar(c, "PRAGMA freelist_count")));

    public void TruncateWriteAheadLog() => connection.Use(c =>
    {
        Execute(c, "PRAGMA wal_checkpoint(TRUNCATE);");
        return true;
    });
}
