using Npgsql;

namespace GateEdge.Centre.Store;

/// <summary>
/// The centre's tables (docs/centre.md, "The tables"). One row per event per gateway, keyed by
/// (gateway, seq), so a repeat delivery is a no-op and a repeat with other bytes is an alarm, never
/// a second row. The body is kept exactly as received, with the header line it arrived with, so the
/// record can be checked again from the database alone; the columns beside it are copies for queries.
/// </summary>
internal static class CentreSchema
{
    public const string Sql = """
        CREATE TABLE IF NOT EXISTS gateway_events (
            gateway            text        NOT NULL,
            seq                bigint      NOT NULL,
            kind               text        NOT NULL,
            id                 uuid,
            compound           text        NOT NULL,
            gate               text        NOT NULL,
            lane               text,
            direction          text,
            time               timestamptz,
            outcome            text,
            credential_kind    text,
            credential_masked  text,
            credential_sealed  text,
            person_ref         text,
            person_class       text,
            for_seq            bigint,
            relay              text,
            clock_synced       boolean,
            boot               uuid,
            uptime             double precision,
            header             text        NOT NULL,
            body               bytea       NOT NULL,
            hash               bytea       NOT NULL,
            prev               text        NOT NULL,
            received_at        timestamptz NOT NULL DEFAULT clock_timestamp(),
            PRIMARY KEY (gateway, seq)
        );
        CREATE INDEX IF NOT EXISTS gateway_events_by_gate ON gateway_events (compound, gate, time);
        CREATE INDEX IF NOT EXISTS gateway_events_by_credential ON gateway_events (credential_masked, time);
        CREATE INDEX IF NOT EXISTS gateway_events_by_opening ON gateway_events (gateway, for_seq) WHERE for_seq IS NOT NULL;
        ALTER TABLE gateway_events ADD COLUMN IF NOT EXISTS clock_synced boolean, ADD COLUMN IF NOT EXISTS boot uuid, ADD COLUMN IF NOT EXISTS uptime double precision;
        CREATE INDEX IF NOT EXISTS gateway_events_synchronised ON gateway_events (gateway, boot, uptime) WHERE clock_synced;
        CREATE INDEX IF NOT EXISTS gateway_events_unsynchronised ON gateway_events (compound, gate) WHERE NOT clock_synced;

        -- Where an event belongs in time (docs/centre.md, "Placing events stamped by an unsynchronised clock"):
        -- its own time when its clock was synchronised (or it does not say); otherwise the time of the nearest
        -- synchronised event of the same boot, moved by the monotonic seconds between them; null until there is one.
        CREATE OR REPLACE VIEW placed_events AS
        SELECT e.*,
            CASE WHEN e.clock_synced IS NOT FALSE THEN e.time
                 ELSE (SELECT a.time + make_interval(secs => e.uptime - a.uptime) FROM (
                          (SELECT time, uptime FROM gateway_events n WHERE n.gateway = e.gateway AND n.boot = e.boot AND n.clock_synced AND n.uptime >= e.uptime
                           ORDER BY n.uptime LIMIT 1)
                          UNION ALL
                          (SELECT time, uptime FROM gateway_events p WHERE p.gateway = e.gateway AND p.boot = e.boot AND p.clock_synced AND p.uptime < e.uptime
                           ORDER BY p.uptime DESC LIMIT 1)) a
                       ORDER BY abs(a.uptime - e.uptime) LIMIT 1) END AS placed_time,
            CASE WHEN e.clock_synced THEN 'synchronised'
                 WHEN e.clock_synced IS NULL THEN 'not stated'
                 WHEN EXISTS (SELECT 1 FROM gateway_events s WHERE s.gateway = e.gateway AND s.boot = e.boot AND s.clock_synced) THEN 'placed'
                 ELSE 'not yet placeable' END AS clock
        FROM gateway_events e;

        CREATE TABLE IF NOT EXISTS integrity_alarms (
            id         bigserial   PRIMARY KEY,
            gateway    text        NOT NULL,
            seq        bigint,
            kind       text        NOT NULL,
            detail     text        NOT NULL,
            topic      text,
            message    bytea,
            raised_at  timestamptz NOT NULL DEFAULT now()
        );
        CREATE INDEX IF NOT EXISTS integrity_alarms_by_gateway ON integrity_alarms (gateway, raised_at);

        CREATE TABLE IF NOT EXISTS gateway_checkpoints (
            gateway          text        NOT NULL,
            size             bigint      NOT NULL,
            head             text        NOT NULL,
            time             timestamptz NOT NULL,
            message          bytea       NOT NULL,
            verdict          text,
            decided_at       timestamptz,
            PRIMARY KEY (gateway, size, head)
        );

        CREATE TABLE IF NOT EXISTS gateway_watermarks (
            gateway           text        PRIMARY KEY,
            compound          text        NOT NULL,
            gate              text        NOT NULL,
            checked_to        bigint      NOT NULL DEFAULT 0,
            head              text        NOT NULL DEFAULT '0000000000000000000000000000000000000000000000000000000000000000',
            gap_seen_at       timestamptz,
            gap_requested_at  timestamptz,
            republish_requests integer    NOT NULL DEFAULT 0
        );
        """;

    /// <summary>Creates what is missing; concurrent workers starting together take turns.</summary>
    public static async Task EnsureAsync(NpgsqlDataSource database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(7412001)", connection, transaction))
        {
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var create = new NpgsqlCommand(Sql, connection, transaction))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
