using GateEdge.Common;
using Microsoft.Data.Sqlite;

namespace GateEdge.Registry;

/// <summary>
/// Allowed exits per household, for the household exit limit (R7); in SQLite, so a restart neither
/// forgets an exit nor grants a second one. Lanes share it, hence the lock.
/// </summary>
internal sealed class HouseholdExitLog : IHouseholdExits, IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly Lock _lock = new();

    public HouseholdExitLog(string path)
    {
        // Who left when is personal data.
        _connection = PrivateDatabase.Open(path);
        Execute("""
            CREATE TABLE IF NOT EXISTS household_exits (household TEXT NOT NULL, at INTEGER NOT NULL);
            CREATE INDEX IF NOT EXISTS household_exits_by_household ON household_exits (household, at);
            """);
    }

    public int CountSince(string household, DateTimeOffset since)
    {
        lock (_lock)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM household_exits WHERE household = $household AND at >= $since";
            command.Parameters.AddWithValue("$household", household);
            command.Parameters.AddWithValue("$since", since.ToUnixTimeMilliseconds());
            return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    public void Record(string household, DateTimeOffset at, DateTimeOffset forgetBefore)
    {
        lock (_lock)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "INSERT INTO household_exits (household, at) VALUES ($household, $at); DELETE FROM household_exits WHERE at < $forget";
            command.Parameters.AddWithValue("$household", household);
            command.Parameters.AddWithValue("$at", at.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$forget", forgetBefore.ToUnixTimeMilliseconds());
            command.ExecuteNonQuery();
        }
    }

    public void Dispose() => _connection.Dispose();

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
