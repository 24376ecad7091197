using Microsoft.Data.Sqlite;

namespace GateEdge.SystemTests.Support;

/// <summary>Reads a gateway's journal from outside, read-only, while the gateway may be running.</summary>
internal static class JournalProbe
{
    /// <summary>The newest sequence number and the undelivered count; (0, 0) before the gateway has created its journal.</summary>
    public static (long LastSeq, long Undelivered) Read(string path)
    {
        if (!File.Exists(path))
        {
            return (0, 0);
        }

        try
        {
            return Query(path);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == 1)
        {
            // "no such table": the gateway is creating it right now.
            return (0, 0);
        }
    }

    private static (long LastSeq, long Undelivered) Query(string path)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT COALESCE(MAX(seq), 0) FROM events), (SELECT COUNT(*) FROM undelivered)";
        using var row = command.ExecuteReader();
        row.Read();
        return (row.GetInt64(0), row.GetInt64(1));
    }
}
