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
        using var connection = OpenReadOnly(path);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT COALESCE(MAX(seq), 0) FROM events), (SELECT COUNT(*) FROM undelivered)";
        using var row = command.ExecuteReader();
        row.Read();
        return (row.GetInt64(0), row.GetInt64(1));
    }

    /// <summary>Every journalled event's sequence number, id and body hash (hex), in order: what the centre must end up holding.</summary>
    public static List<(long Seq, string Id, string Hash)> Events(string path)
    {
        using var connection = OpenReadOnly(path);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT seq, id, hash FROM events ORDER BY seq";
        using var row = command.ExecuteReader();
        var events = new List<(long, string, string)>();
        while (row.Read())
        {
            events.Add((row.GetInt64(0), row.GetString(1), Convert.ToHexStringLower((byte[])row.GetValue(2))));
        }

        return events;
    }

    /// <summary>Every journalled event's sequence number, kind and body as journalled, in order.</summary>
    public static List<(long Seq, string Kind, string Body)> Bodies(string path)
    {
        using var connection = OpenReadOnly(path);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT seq, kind, payload FROM events ORDER BY seq";
        using var row = command.ExecuteReader();
        var events = new List<(long, string, string)>();
        while (row.Read())
        {
            events.Add((row.GetInt64(0), row.GetString(1), System.Text.Encoding.UTF8.GetString((byte[])row.GetValue(2))));
        }

        return events;
    }

    /// <summary>The size of the newest checkpoint the centre acknowledged (0: none), below which the gateway may prune.</summary>
    public static long AcknowledgedSize(string path)
    {
        using var connection = OpenReadOnly(path);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(size), 0) FROM acknowledged";
        return (long)command.ExecuteScalar()!;
    }

    private static SqliteConnection OpenReadOnly(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }
}
