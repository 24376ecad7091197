using GateEdge.Evidence;

namespace GateEdge.Journal;

/// <summary>
/// The journal's side of checkpoints (docs/mqtt.md, "Checkpoints"): the head to sign, and the newest
/// checkpoint the centre acknowledged, below which delivered events may be pruned.
/// </summary>
internal sealed class JournalCheckpoints(SharedConnection connection)
{
    /// <summary>The last sequence issued and its hash: what a checkpoint states.</summary>
    public (long Size, byte[] Head) Head() => connection.Use(c =>
    {
        using var command = c.CreateCommand();
        command.CommandText = "SELECT seq, head FROM chain WHERE one = 1";
        using var row = command.ExecuteReader();
        return row.Read() ? (row.GetInt64(0), (byte[])row[1]) : (0L, new byte[EventChain.HashBytes]);
    });

    /// <summary>The size of the newest checkpoint the centre acknowledged; 0 when none was.</summary>
    public long AcknowledgedSize() => connection.Use(c => Sql.Scalar(c, "SELECT COALESCE(MAX(size), 0) FROM acknowledged"));

    /// <summary>
    /// Records the centre's acknowledgement of the checkpoint at <paramref name="size"/> with head
    /// <paramref name="head"/>, or says why not: a head that is not this journal's hash at that size
    /// is a fork (the centre holds another history), never accepted.
    /// </summary>
    public string? Acknowledge(long size, string head) => connection.Use(c =>
    {
        using var lookup = c.CreateCommand();
        lookup.CommandText = "SELECT hash FROM events WHERE seq = $size";
        lookup.Parameters.AddWithValue("$size", size);
        if (lookup.ExecuteScalar() is not byte[] hash)
        {
            return $"this gateway no longer holds event {size}, so it cannot confirm that checkpoint";
        }

        if (!string.Equals(EventChain.Hex(hash), head, StringComparison.Ordinal))
        {
            return $"the acknowledged head at {size} is not this gateway's: the centre and the gateway hold different records";
        }

        using var store = c.CreateCommand();
        store.CommandText = "INSERT INTO acknowledged (one, size, head) VALUES (1, $size, $head) ON CONFLICT (one) DO UPDATE SET size = MAX(size, excluded.size), head = CASE WHEN excluded.size > size THEN excluded.head ELSE head END";
        store.Parameters.AddWithValue("$size", size);
        store.Parameters.AddWithValue("$head", hash);
        store.ExecuteNonQuery();
        return null;
    });
}
