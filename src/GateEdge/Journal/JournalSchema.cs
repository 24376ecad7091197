using Microsoft.Data.Sqlite;
using static GateEdge.Journal.Sql;

namespace GateEdge.Journal;

/// <summary>
/// The journal's tables. <c>events</c> holds each event as stored; <c>undelivered</c> holds the
/// sequence of each event the broker has not acknowledged yet. Delivery lives in its own narrow
/// table so that acknowledging an event deletes a few bytes instead of rewriting the stored event:
/// a backlog of a million events is acknowledged without writing its payloads to disk again.
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
                topic     TEXT    NOT NULL,
                payload   BLOB    NOT NULL,
                stored_at INTEGER NOT NULL,
                redacted  INTEGER NOT NULL DEFAULT 0);
            """);
        if (!HasColumn(connection, "redacted"))
        {
            // Journals from before personal-data retention gain the column; their events count as not yet redacted.
            Execute(connection, "ALTER TABLE events ADD COLUMN redacted INTEGER NOT NULL DEFAULT 0");
        }

        if (Scalar(connection, "SELECT COUNT(*) FROM sqlite_schema WHERE type = 'table' AND name = 'undelivered'") == 0)
        {
            Execute(connection, "CREATE TABLE undelivered (seq INTEGER PRIMARY KEY)");
            if (HasColumn(connection, "delivered"))
            {
                // Journals that kept delivery as a column of each event: what was waiting still waits.
                Execute(connection, """
                    INSERT INTO undelivered (seq) SELECT seq FROM events WHERE delivered = 0;
                    DROP INDEX IF EXISTS events_undelivered;
                    ALTER TABLE events DROP COLUMN delivered;
                    """);
            }
        }

        transaction.Commit();
    }

    private static bool HasColumn(SqliteConnection connection, string column) =>
        Scalar(connection, $"SELECT COUNT(*) FROM pragma_table_info('events') WHERE name = '{column}'") > 0;
}
