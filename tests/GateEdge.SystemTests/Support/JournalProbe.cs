using Microsoft.Data.Sqlite;

namespace GateEdge.SystemTests.Support;

/// <summary>Reads a gateway's journal from outside, read-only, while the gateway may be running.</summary>
internal static class JournalProbe
{
    public static (long LastSeq, long Undelivered) Read(string path)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(seq), 0), COALESCE(SUM(delivered = 0), 0) FROM events";
        using var row = command.ExecuteReader();
        row.Read();
        return (row.GetInt64(0), row.GetInt64(1));
    }
}
