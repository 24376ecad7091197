using GateEdge.Centre.Ingest;
using GateEdge.Evidence.Verify;
using Npgsql;
using NpgsqlTypes;

namespace GateEdge.Centre.Store;

/// <summary>
/// Writes a batch of received messages in one transaction: the events are copied into a
/// transaction-scoped staging table and moved into <c>gateway_events</c> with one statement, each
/// once per (gateway, seq); a repeat with the same bytes is nothing, a repeat with other bytes is a
/// <c>conflicting-repeat</c> alarm that keeps the second copy; every rejected message is an alarm
/// with its bytes. Rows are moved in (gateway, seq) order, so two workers writing overlapping
/// batches wait for each other instead of deadlocking.
/// </summary>
internal sealed class IntakeWriter(NpgsqlDataSource database)
{
    private const string Columns = "gateway, seq, kind, id, compound, gate, lane, direction, time, outcome, credential_kind, credential_masked, credential_sealed, person_ref, person_class, for_seq, relay, clock_synced, boot, uptime, header, body, hash, prev";

    private const string Staging = $"""
        CREATE TEMP TABLE IF NOT EXISTS intake_events ON COMMIT DELETE ROWS AS SELECT {Columns}, ''::text AS topic FROM gateway_events WITH NO DATA
        """;

    private const string Move = $"""
        WITH inserted AS (
            INSERT INTO gateway_events ({Columns})
            SELECT {Columns} FROM intake_events ORDER BY gateway, seq
            ON CONFLICT (gateway, seq) DO NOTHING
            RETURNING gateway, seq)
        INSERT INTO integrity_alarms (gateway, seq, kind, detail, topic, message)
        SELECT i.gateway, i.seq, 'conflicting-repeat', 'another body arrived for this sequence number: ' || e.kind || ' stored, ' || i.kind || ' received (kept here)',
               i.topic, convert_to(i.header || E'\n', 'UTF8') || i.body
        FROM intake_events i JOIN gateway_events e ON e.gateway = i.gateway AND e.seq = i.seq
        WHERE e.hash <> i.hash AND NOT EXISTS (SELECT 1 FROM inserted n WHERE n.gateway = i.gateway AND n.seq = i.seq)
        """;

    private const string InsertCheckpoint = """
        INSERT INTO gateway_checkpoints (gateway, size, head, time, message) VALUES ($1, $2, $3, $4, $5)
        ON CONFLICT (gateway, size, head) DO NOTHING
        """;

    private const string InsertAlarm = "INSERT INTO integrity_alarms (gateway, seq, kind, detail, topic, message) VALUES ($1, $2, $3, $4, $5, $6)";

    private const string InsertWatermark = "INSERT INTO gateway_watermarks (gateway, compound, gate) VALUES ($1, $2, $3) ON CONFLICT (gateway) DO NOTHING";

    public async Task WriteAsync(IReadOnlyCollection<Intake> batch, CancellationToken cancellationToken)
    {
        var (events, others) = Separate(batch);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var commands = new NpgsqlBatch(connection, transaction))
        {
            commands.BatchCommands.Add(new NpgsqlBatchCommand(Staging));
            var places = events.Select(e => e.Place).Concat(others.OfType<CheckpointIntake>().Select(c => c.Place))
                .DistinctBy(p => p.Gateway).OrderBy(p => p.Gateway, StringComparer.Ordinal);
            foreach (var place in places)
            {
                commands.BatchCommands.Add(Command(InsertWatermark, place.Gateway, place.Compound, place.Gate));
            }

            await commands.ExecuteNonQueryAsync(cancellationToken);
        }

        if (events.Count > 0)
        {
            await CopyAsync(connection, events, cancellationToken);
        }

        await using (var commands = new NpgsqlBatch(connection, transaction))
        {
            if (events.Count > 0)
            {
                commands.BatchCommands.Add(new NpgsqlBatchCommand(Move));
            }

            foreach (var intake in others)
            {
                commands.BatchCommands.Add(intake switch
                {
                    CheckpointIntake c => Command(InsertCheckpoint, c.Place.Gateway, c.Size, c.Head, c.Time, c.Message),
                    RejectedIntake r => Command(InsertAlarm, r.Gateway, r.Seq, r.Kind, r.Detail, r.Topic, r.Message),
                    _ => throw new ArgumentException($"unknown intake {intake.GetType().Name}", nameof(batch)),
                });
            }

            if (commands.BatchCommands.Count > 0)
            {
                await commands.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// The events to copy, one per (gateway, seq): a second copy with the same bytes is dropped, one
    /// with other bytes becomes a conflicting-repeat alarm here, since the staging table holds one row per number.
    /// </summary>
    private static (List<EventIntake> Events, List<Intake> Others) Separate(IReadOnlyCollection<Intake> batch)
    {
        var events = new Dictionary<(string, long), EventIntake>();
        var others = new List<Intake>();
        foreach (var intake in batch)
        {
            if (intake is not EventIntake e)
            {
                others.Add(intake);
            }
            else if (!events.TryGetValue((e.Gateway, e.Seq), out var first))
            {
                events[(e.Gateway, e.Seq)] = e;
            }
            else if (!first.Hash.AsSpan().SequenceEqual(e.Hash))
            {
                others.Add(new RejectedIntake(e.Gateway, e.Topic, e.Seq, Finding.ConflictingRepeat,
                    $"another body arrived for this sequence number: {first.Kind} and {e.Kind} in one batch (this one kept here)", [.. System.Text.Encoding.UTF8.GetBytes(e.Header + "\n"), .. e.Body]));
            }
        }

        return ([.. events.Values], others);
    }

    private static async Task CopyAsync(NpgsqlConnection connection, List<EventIntake> events, CancellationToken cancellationToken)
    {
        await using var copy = await connection.BeginBinaryImportAsync($"COPY intake_events ({Columns}, topic) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var e in events)
        {
            await copy.StartRowAsync(cancellationToken);
            await copy.WriteAsync(e.Gateway, NpgsqlDbType.Text, cancellationToken);
            await copy.WriteAsync(e.Seq, NpgsqlDbType.Bigint, cancellationToken);
            await copy.WriteAsync(e.Kind, NpgsqlDbType.Text, cancellationToken);
            await WriteAsync(copy, e.Id, NpgsqlDbType.Uuid, cancellationToken);
            await copy.WriteAsync(e.Place.Compound, NpgsqlDbType.Text, cancellationToken);
            await copy.WriteAsync(e.Place.Gate, NpgsqlDbType.Text, cancellationToken);
            await WriteAsync(copy, e.Lane, NpgsqlDbType.Text, cancellationToken);
            await WriteAsync(copy, e.Direction, NpgsqlDbType.Text, cancellationToken);
            await WriteAsync(copy, e.Time?.UtcDateTime, NpgsqlDbType.TimestampTz, cancellationToken);
            await WriteAsync(copy, e.Outcome, NpgsqlDbType.Text, cancellationToken);
            await WriteAsync(copy, e.CredentialKind, NpgsqlDbType.Text, cancellationToken);
            await WriteAsync(copy, e.CredentialMasked, NpgsqlDbType.Text, cancellationToken);
            await WriteAsync(copy, e.CredentialSealed, NpgsqlDbType.Text, cancellationToken);
            await WriteAsync(copy, e.PersonRef, NpgsqlDbType.Text, cancellationToken);
            await WriteAsync(copy, e.PersonClass, NpgsqlDbType.Text, cancellationToken);
            await WriteAsync(copy, e.ForSeq, NpgsqlDbType.Bigint, cancellationToken);
            await WriteAsync(copy, e.Relay, NpgsqlDbType.Text, cancellationToken);
            await WriteAsync(copy, e.Clock.Synced, NpgsqlDbType.Boolean, cancellationToken);
            await WriteAsync(copy, e.Clock.Boot, NpgsqlDbType.Uuid, cancellationToken);
            await WriteAsync(copy, e.Clock.Uptime, NpgsqlDbType.Double, cancellationToken);
            await copy.WriteAsync(e.Header, NpgsqlDbType.Text, cancellationToken);
            await copy.WriteAsync(e.Body, NpgsqlDbType.Bytea, cancellationToken);
            await copy.WriteAsync(e.Hash, NpgsqlDbType.Bytea, cancellationToken);
            await copy.WriteAsync(e.Prev, NpgsqlDbType.Text, cancellationToken);
            await copy.WriteAsync(e.Topic, NpgsqlDbType.Text, cancellationToken);
        }

        await copy.CompleteAsync(cancellationToken);
    }

    private static Task WriteAsync<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type, CancellationToken cancellationToken) =>
        value is null ? copy.WriteNullAsync(cancellationToken) : copy.WriteAsync(value, type, cancellationToken);

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
