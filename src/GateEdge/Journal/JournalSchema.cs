using GateEdge.Evidence;
using Microsoft.Data.Sqlite;
using static GateEdge.Journal.Sql;

namespace GateEdge.Journal;

/// <summary>
/// The journal's tables.
/// <list type="bullet">
/// <item><c>events</c>: each event's body exactly as signed and published (<c>payload</c>), its kind, its
/// SHA-256 (<c>hash</c>, the chain value) and signature. The body is never rewritten, except once by
/// the personal-data purge (<c>redacted</c>), which keeps <c>hash</c>.</item>
/// <item><c>chain</c>: one row, the last sequence number issued and its hash. Written in the same
/// transaction as the events, and never lowered, so deleting the newest event cannot make the
/// gateway issue its number again.</item>
/// <item><c>undelivered</c>: the sequence of each event the broker has not acknowledged yet. Delivery
/// lives in its own narrow table so that acknowledging an event deletes a few bytes instead of
/// rewriting the stored event.</item>
/// <item><c>openings</c>: events that open a gate and have no actuation record yet.</item>
/// <item><c>acknowledged</c>: the newest checkpoint the centre acknowledged; events are pruned only below it.</item>
/// </list>
/// </summary>
internal static class JournalSchema
{
    public static void CreateOrUpgrade(SqliteConnection connection)
    {
        using var transaction = connection.BeginTransaction();
        Execute(connection, """
            CREATE TABLE IF NOT EXISTS events (
                seq       INTEGER PRIMARY KEY,
                id        TEXT    NOT NULL UNIQUE,
                kind      TEXT    NOT NULL,
                payload   BLOB    NOT NULL,
                hash      BLOB,
                sig       BLOB,
                stored_at INTEGER NOT NULL,
                redacted  INTEGER NOT NULL DEFAULT 0);
            CREATE TABLE IF NOT EXISTS undelivered (seq INTEGER PRIMARY KEY);
            """);
        if (!HasColumn(connection, "redacted"))
        {
            // Journals from before personal-data retention gain the column; their events count as not yet redacted.
            Execute(connection, "ALTER TABLE events ADD COLUMN redacted INTEGER NOT NULL DEFAULT 0");
        }

        if (HasColumn(connection, "delivered"))
        {
            // Journals that kept delivery as a column of each event: what was waiting still waits.
            Execute(connection, """
                INSERT INTO undelivered (seq) SELECT seq FROM events WHERE delivered = 0;
                DROP INDEX IF EXISTS events_undelivered;
                ALTER TABLE events DROP COLUMN delivered;
                """);
        }

        if (HasColumn(connection, "topic"))
        {
            ChainStoredEvents(connection);
        }

        Execute(connection, """
            CREATE TABLE IF NOT EXISTS chain (one INTEGER PRIMARY KEY CHECK (one = 1), seq INTEGER NOT NULL, head BLOB NOT NULL);
            CREATE TABLE IF NOT EXISTS openings (seq INTEGER PRIMARY KEY, id TEXT NOT NULL, lane TEXT NOT NULL, cause TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS acknowledged (one INTEGER PRIMARY KEY CHECK (one = 1), size INTEGER NOT NULL, head BLOB NOT NULL);
            INSERT OR IGNORE INTO chain (one, seq, head)
                SELECT 1, seq, hash FROM events ORDER BY seq DESC LIMIT 1;
            """);
        transaction.Commit();
    }

    /// <summary>
    /// Journals from before the chain: each event is kept by its kind (the topic's last level; topics
    /// are chosen when publishing) with the hash of its stored bytes, unsigned. The first event
    /// recorded after the upgrade chains to the last of them.
    /// </summary>
    private static void ChainStoredEvents(SqliteConnection connection)
    {
        Execute(connection, """
            ALTER TABLE events ADD COLUMN kind TEXT NOT NULL DEFAULT '';
            ALTER TABLE events ADD COLUMN hash BLOB;
            ALTER TABLE events ADD COLUMN sig BLOB;
            UPDATE events SET kind = replace(topic, rtrim(topic, replace(topic, '/', '')), '');
            ALTER TABLE events DROP COLUMN topic;
            """);
        using var update = connection.CreateCommand();
        update.CommandText = "UPDATE events SET hash = $hash WHERE seq = $seq";
        var hash = update.Parameters.Add("$hash", SqliteType.Blob);
        var seq = update.Parameters.Add("$seq", SqliteType.Integer);
        foreach (var (s, payload) in Rows(connection, "SELECT seq, payload FROM events WHERE hash IS NULL"))
        {
            seq.Value = s;
            hash.Value = EventChain.Hash(payload);
            update.ExecuteNonQuery();
        }
    }

    private static List<(long Seq, byte[] Payload)> Rows(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<(long, byte[])>();
        while (reader.Read())
        {
            rows.Add((reader.GetInt64(0), (byte[])reader[1]));
        }

        return rows;
    }

    private static bool HasColumn(SqliteConnection connection, string column) =>
        Scalar(connection, $"SELECT COUNT(*) FROM pragma_table_info('events') WHERE name = '{column}'") > 0;
}
