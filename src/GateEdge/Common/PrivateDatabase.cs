using Microsoft.Data.Sqlite;

namespace GateEdge.Common;

/// <summary>
/// An SQLite database holding personal data, opened the one way such a file is opened: private to
/// the service's user (<see cref="PrivateFile"/>), write-ahead log with full sync, a busy timeout
/// for the other connection to the same file, and <c>secure_delete</c>, so a row replaced or removed
/// leaves no copy in the file's free pages.
/// </summary>
internal static class PrivateDatabase
{
    public static SqliteConnection Open(string path)
    {
        PrivateFile.Create(path);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA busy_timeout = 5000; PRAGMA secure_delete = ON;";
        command.ExecuteNonQuery();
        return connection;
    }
}
