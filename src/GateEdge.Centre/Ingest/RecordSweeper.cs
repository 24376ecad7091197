using GateEdge.Evidence;
using GateEdge.Evidence.Verify;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace GateEdge.Centre.Ingest;

/// <summary>
/// Follows each gateway's stored chain forward behind the writers (docs/centre.md, "How the record is
/// kept whole"): every link from the last one checked is compared, a break raises one alarm, a gap
/// that outlasts the grace is asked for with a signed <c>republish</c> (again, less often, while it
/// stands), and a signed checkpoint whose head matches the stored event at its size is acknowledged,
/// one that does not is an alarm. One gateway's walk is one transaction holding its watermark row,
/// so several workers share the sweeping without doing a gateway twice.
/// </summary>
internal sealed class RecordSweeper(NpgsqlDataSource database, CentreRequests requests, Func<string, byte[], CancellationToken, Task> publish,
    SweepOptions options, TimeProvider clock, ILogger logger)
{
    private const int WalkBatch = 10_000;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(options.Every, clock);
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            try
            {
                await SweepAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException && !cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning("Could not follow the stored record ({Problem}); trying again in {Every} s", ex.Message, options.Every.TotalSeconds);
            }
        }
    }

    /// <summary>Walks every gateway with new events or undecided checkpoints once; returns how many it walked.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var gateways = new List<string>();
        await using (var command = database.CreateCommand("""
            SELECT w.gateway FROM gateway_watermarks w
            WHERE EXISTS (SELECT 1 FROM gateway_events e WHERE e.gateway = w.gateway AND e.seq > w.checked_to)
               OR EXISTS (SELECT 1 FROM gateway_checkpoints c WHERE c.gateway = w.gateway AND c.verdict IS NULL)
               OR w.gap_seen_at IS NOT NULL
            """))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                gateways.Add(reader.GetString(0));
            }
        }

        int budget = options.MaxRequestsPerSweep;
        foreach (var gateway in gateways)
        {
            var sends = await WalkAsync(gateway, budget > 0, cancellationToken);
            budget -= sends.Count(s => s.Topic.EndsWith("/command/republish", StringComparison.Ordinal));
            foreach (var (topic, payload) in sends)
            {
                await publish(topic, payload, cancellationToken);
            }
        }

        return gateways.Count;
    }

    private async Task<List<(string Topic, byte[] Payload)>> WalkAsync(string gateway, bool mayAsk, CancellationToken cancellationToken)
    {
        var sends = new List<(string, byte[])>();
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var mark = await WatermarkAsync(connection, gateway, cancellationToken);
        if (mark is null)
        {
            return sends; // another worker holds it
        }

        var w = mark.Value;
        long checkedTo = w.CheckedTo;
        string head = w.Head;
        long? nextStored = null;
        var breaks = new List<(long Seq, string Detail)>();
        await using (var command = new NpgsqlCommand("SELECT seq, kind, prev, hash FROM gateway_events WHERE gateway = $1 AND seq > $2 ORDER BY seq LIMIT $3", connection, transaction))
        {
            command.Parameters.Add(new() { Value = gateway });
            command.Parameters.Add(new() { Value = checkedTo });
            command.Parameters.Add(new() { Value = WalkBatch });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                long seq = reader.GetInt64(0);
                if (seq != checkedTo + 1)
                {
                    nextStored = seq;
                    break;
                }

                string kind = reader.GetString(1), prev = reader.GetString(2);
                if (prev != head)
                {
                    breaks.Add((seq, $"{kind} #{seq} does not follow #{seq - 1}: its prev is not the hash of the event stored there (one of them was altered, replaced or reordered)"));
                }

                head = EventChain.Hex(reader.GetFieldValue<byte[]>(3));
                checkedTo = seq;
            }
        }

        foreach (var (seq, detail) in breaks)
        {
            await AlarmAsync(connection, transaction, gateway, seq, Finding.ChainBreak, detail, cancellationToken);
        }

        sends.AddRange(await DecideCheckpointsAsync(connection, transaction, w.Place, checkedTo, cancellationToken));
        long? gapTo = nextStored - 1 ?? await CheckpointBeyondAsync(connection, transaction, gateway, checkedTo, cancellationToken);
        var now = clock.GetUtcNow();
        var (seenAt, requestedAt, asked) = checkedTo > w.CheckedTo ? ((DateTimeOffset?)null, (DateTimeOffset?)null, 0) : (w.GapSeenAt, w.GapRequestedAt, w.Requests);
        if (gapTo is not { } to)
        {
            (seenAt, requestedAt, asked) = (null, null, 0);
        }
        else if (seenAt is null)
        {
            seenAt = now;
        }
        else if (mayAsk && now - seenAt >= options.GapGrace && (requestedAt is null || now - requestedAt >= RetryAfter(asked)))
        {
            long from = checkedTo + 1, upTo = Math.Min(to, checkedTo + options.MaxRepublish);
            sends.Add(requests.Republish(w.Place, from, upTo));
            logger.LogWarning("{Gateway}: events {From}-{To} are missing; asked the gateway to send them again (request {Count})", gateway, from, upTo, asked + 1);
            (requestedAt, asked) = (now, asked + 1);
        }

        await using (var update = new NpgsqlCommand("""
            UPDATE gateway_watermarks SET checked_to = $2, head = $3, gap_seen_at = $4, gap_requested_at = $5, republish_requests = $6 WHERE gateway = $1
            """, connection, transaction))
        {
            update.Parameters.Add(new() { Value = gateway });
            update.Parameters.Add(new() { Value = checkedTo });
            update.Parameters.Add(new() { Value = head });
            update.Parameters.Add(new() { Value = (object?)seenAt?.UtcDateTime ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
            update.Parameters.Add(new() { Value = (object?)requestedAt?.UtcDateTime ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
            update.Parameters.Add(new() { Value = asked });
            await update.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return sends;
    }

    private TimeSpan RetryAfter(int requestsSoFar) =>
        TimeSpan.FromTicks(Math.Min(options.MaxRetryEvery.Ticks, options.RetryEvery.Ticks << Math.Min(requestsSoFar - 1, 20)));

    private readonly record struct Watermark(GatewayPlace Place, long CheckedTo, string Head, DateTimeOffset? GapSeenAt, DateTimeOffset? GapRequestedAt, int Requests);

    private static async Task<Watermark?> WatermarkAsync(NpgsqlConnection connection, string gateway, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            SELECT compound, gate, checked_to, head, gap_seen_at, gap_requested_at, republish_requests
            FROM gateway_watermarks WHERE gateway = $1 FOR UPDATE SKIP LOCKED
            """, connection);
        command.Parameters.Add(new() { Value = gateway });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new Watermark(new GatewayPlace(reader.GetString(0), reader.GetString(1), gateway), reader.GetInt64(2), reader.GetString(3),
            reader.IsDBNull(4) ? null : reader.GetFieldValue<DateTimeOffset>(4), reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5), reader.GetInt32(6));
    }

    /// <summary>A signed checkpoint beyond the last stored event says the gateway issued events the centre has not got.</summary>
    private static async Task<long?> CheckpointBeyondAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string gateway, long checkedTo, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT max(size) FROM gateway_checkpoints WHERE gateway = $1 AND size > $2", connection, transaction);
        command.Parameters.Add(new() { Value = gateway });
        command.Parameters.Add(new() { Value = checkedTo });
        return await command.ExecuteScalarAsync(cancellationToken) is long size ? size : null;
    }

    /// <summary>Each undecided checkpoint at or below the checked link: acknowledged when its head is the stored event's hash, an alarm when not.</summary>
    private async Task<List<(string, byte[])>> DecideCheckpointsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, GatewayPlace place, long checkedTo,
        CancellationToken cancellationToken)
    {
        var undecided = new List<(long Size, string Head, string? Stored)>();
        await using (var command = new NpgsqlCommand("""
            SELECT c.size, c.head, encode(e.hash, 'hex') FROM gateway_checkpoints c
            LEFT JOIN gateway_events e ON e.gateway = c.gateway AND e.seq = c.size
            WHERE c.gateway = $1 AND c.verdict IS NULL AND c.size <= $2 ORDER BY c.size
            """, connection, transaction))
        {
            command.Parameters.Add(new() { Value = place.Gateway });
            command.Parameters.Add(new() { Value = checkedTo });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                undecided.Add((reader.GetInt64(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2)));
            }
        }

        (long Size, string Head)? newestGood = null;
        foreach (var (size, head, stored) in undecided)
        {
            string verdict = size == 0 ? "empty" : head == stored ? "acknowledged" : "forked";
            if (verdict == "forked")
            {
                await AlarmAsync(connection, transaction, place.Gateway, size, Finding.ForkedCheckpoint,
                    $"the signed checkpoint at {size} names head {head}, but the event stored there hashes to {stored}: the history was rewritten", cancellationToken);
            }
            else if (verdict == "acknowledged")
            {
                newestGood = (size, head);
            }

            await using var decide = new NpgsqlCommand("UPDATE gateway_checkpoints SET verdict = $3, decided_at = now() WHERE gateway = $1 AND size = $2 AND head = $4",
                connection, transaction);
            decide.Parameters.Add(new() { Value = place.Gateway });
            decide.Parameters.Add(new() { Value = size });
            decide.Parameters.Add(new() { Value = verdict });
            decide.Parameters.Add(new() { Value = head });
            await decide.ExecuteNonQueryAsync(cancellationToken);
        }

        // The newest good checkpoint's acknowledgement covers the older ones: the box prunes below it.
        return newestGood is { } good ? [requests.AcknowledgeCheckpoint(place, good.Size, good.Head)] : [];
    }

    private static async Task AlarmAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string gateway, long seq, string kind, string detail,
        CancellationToken cancellationToken)
    {
        await using var alarm = new NpgsqlCommand("INSERT INTO integrity_alarms (gateway, seq, kind, detail) VALUES ($1, $2, $3, $4)", connection, transaction);
        alarm.Parameters.Add(new() { Value = gateway });
        alarm.Parameters.Add(new() { Value = seq });
        alarm.Parameters.Add(new() { Value = kind });
        alarm.Parameters.Add(new() { Value = detail });
        await alarm.ExecuteNonQueryAsync(cancellationToken);
    }
}
