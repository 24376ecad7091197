using Microsoft.Data.Sqlite;

namespace GateEdge.Journal;

/// <summary>
/// The journal's second connection, beside the append loop's: the publisher's reads and delivery
/// marks, and maintenance. One statement sequence at a time holds it.
/// </summary>
internal sealed class SharedConnection(SqliteConnection connection) : IDisposable
{
    private readonly Lock _lock = new();

    public T Use<T>(Func<SqliteConnection, T> work)
    {
        lock (_lock)
        {
            return work(connection);
        }
    }

    public void Dispose() => connection.Dispose();
}
