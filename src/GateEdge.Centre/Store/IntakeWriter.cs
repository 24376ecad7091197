using GateEdge.Centre.Ingest;
using Npgsql;
using NpgsqlTypes;

namespace GateEdge.Centre.Store;

/// <summary>
/// Writes a batch of received messages in one transaction: each event once per (gateway, seq),
/// a repeat with the same bytes as nothing, a repeat with other bytes as a <c>conflicting-repeat</c>
/// alarm that keeps both copies' evidence, and every rejected message as an alarm with its bytes.
/// Rows are written in (gateway, seq) order so that two workers writing overlapping batches wait
/// for each other instead of deadlocking.
/// </summary>
internal sealed class IntakeWriter(NpgsqlDataSource database)
{
    private const string InsertEvent = """
        WITH inserted AS (
            INSERT INTO gateway_events (gateway, seq, kind, id, compound, gate, lane, direction, time, outcome,
                credential_kind, credential_masked, credential_sealed, person_ref, person_class, for_seq, relay, header, body, hash, prev)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21)
            ON CONFLICT (gateway, seq) DO NOTHING
            RETURNING 1)
        INSERT INTO integrity_alarms (gateway, seq, kind, detail, topic, message)
        SELECT $1, $2, 'conflicting-repeat', 'another body arrived for this sequence number: ' || e.kind || ' stored, ' || $3 || ' received (kept here)', $22, convert_to($18 || E'\n', 'UTF8') || $19
        FROM gateway_events e
        WHERE e.gateway = $1 AND e.seq = $2 AND e.hash <> $20 AND NOT EXISTS (SELECT 1 FROM inserted)
        """;

    private const string InsertCheckpoint = """
        INSERT INTO gateway_checkpoints (gateway, size, head, time, message) VALUES ($1, $2, $3, $4, $5)
        ON CONFLICT (gateway, size, head) DO NOTHING
        """;

    private const string InsertAlarm = "INSERT INTO integrity_alarms (gateway, seq, kind, detail, topic, message) VALUES ($1, $2, $3, $4, $5, $6)";

    private const string InsertWatermark = "INSERT INTO gateway_watermarks (gateway, compound, gate) VALUES ($1, $2, $3) ON CONFLICT (gateway) DO NOTHING";

    public async Task WriteAsync(IReadOnlyCollection<Intake> batch, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var commands = new NpgsqlBatch(connection, transaction);
        var places = batch.Select(i => i switch { EventIntake e => e.Place, CheckpointIntake c => c.Place, _ => (GatewayPlace?)null })
            .OfType<GatewayPlace>().DistinctBy(p => p.Gateway).OrderBy(p => p.Gateway, StringComparer.Ordinal);
        foreach (var place in places)
        {
            commands.BatchCommands.Add(Command(InsertWatermark, place.Gateway, place.Compound, place.Gate));
        }

        foreach (var intake in batch.OrderBy(i => i.Gateway, StringComparer.Ordinal).ThenBy(i => i is EventIntake e ? e.Seq : long.MaxValue))
        {
            commands.BatchCommands.Add(intake switch
            {
                EventIntake e => Command(InsertEvent, e.Place.Gateway, e.Seq, e.Kind, e.Id, e.Place.Compound, e.Place.Gate, e.Lane, e.Direction, e.Time, e.Outcome,
                    e.CredentialKind, e.CredentialMasked, e.CredentialSealed, e.PersonRef, e.PersonClass, e.ForSeq, e.Relay,
                    e.Header, e.Body, e.Hash, e.Prev, e.Topic),
                CheckpointIntake c => Command(InsertCheckpoint, c.Place.Gateway, c.Size, c.Head, c.Time, c.Message),
                RejectedIntake r => Command(InsertAlarm, r.Gateway, r.Seq, r.Kind, r.Detail, r.Topic, r.Message),
                _ => throw new ArgumentException($"unknown intake {intake.GetType().Name}", nameof(batch)),
            });
        }

        await commands.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static NpgsqlBatchCommand Command(string sql, params object?[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(value switch
            {
                null => new NpgsqlParameter { Value = DBNull.Value, NpgsqlDbType = NpgsqlDbType.Unknown },
                DateTimeOffset t => new NpgsqlParameter { Value = t.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz },
                _ => new NpgsqlParameter { Value = value },
            });
        }

        return command;
    }
}
