using Microsoft.Data.Sqlite;

namespace GateEdge.Journal;

/// <summary>The statements of one append transaction, prepared once per batch.</summary>
internal sealed class AppendStatements : IDisposable
{
    private readonly SqliteCommand _event;
    private readonly SqliteCommand _waiting;
    private readonly SqliteCommand _opens;
    private readonly SqliteCommand _closes;
    private readonly SqliteCommand _head;

    /// <summary>Sets the <c>chain</c> row: the last sequence number issued and its hash.</summary>
    internal const string SetHeadSql = "INSERT INTO chain (one, seq, head) VALUES (1, $seq, $head) ON CONFLICT (one) DO UPDATE SET seq = excluded.seq, head = excluded.head";

    public AppendStatements(SqliteConnection connection, DateTimeOffset storedAt)
    {
        _event = Command(connection, "INSERT INTO events (seq, id, kind, payload, hash, sig, stored_at) VALUES ($seq, $id, $kind, $payload, $hash, $sig, $storedAt)");
        _event.Parameters.AddWithValue("$storedAt", storedAt.ToUnixTimeMilliseconds());
        _waiting = Command(connection, "INSERT INTO undelivered (seq) VALUES ($seq)");
        _opens = Command(connection, "INSERT INTO openings (seq, id, lane, cause) VALUES ($seq, $id, $lane, $cause)");
        _closes = Command(connection, "DELETE FROM openings WHERE seq = $seq");
        _head = Command(connection, SetHeadSql);
    }

    public void Insert(EventStamp stamp, AppendRequest request, byte[] body, byte[] hash, byte[] signature)
    {
        Run(_event, ("$seq", stamp.Seq), ("$id", stamp.Id.ToString()), ("$kind", request.Kind), ("$payload", body), ("$hash", hash), ("$sig", signature));
        Run(_waiting, ("$seq", stamp.Seq));
        if (request.Opens is { } opening)
        {
            Run(_opens, ("$seq", stamp.Seq), ("$id", stamp.Id.ToString()), ("$lane", opening.Lane), ("$cause", opening.Cause));
        }

        if (request.Closes is { } settled)
        {
            Run(_closes, ("$seq", settled));
        }
    }

    public void SetHead(long seq, byte[] head) => Run(_head, ("$seq", seq), ("$head", head));

    public void Dispose()
    {
        foreach (var command in (SqliteCommand[])[_event, _waiting, _opens, _closes, _head])
        {
            command.Dispose();
        }
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    private static void Run(SqliteCommand command, params (string Name, object Value)[] values)
    {
        foreach (var (name, value) in values)
        {
            if (command.Parameters.Contains(name))
            {
                command.Parameters[name].Value = value;
            }
            else
            {
                command.Parameters.AddWithValue(name, value);
            }
        }

        command.ExecuteNonQuery();
    }
}
