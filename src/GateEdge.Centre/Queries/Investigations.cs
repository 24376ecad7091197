using System.Security.Cryptography;
using GateEdge.Devices.CardReaders;
using GateEdge.Privacy;
using Npgsql;

namespace GateEdge.Centre.Queries;

/// <summary>
/// The investigator's questions over the centre's database (docs/centre.md, "Questions", where each
/// is also given as SQL). Sealed identities are opened only here, with the centre's sealing key: the
/// database holds the masked number, which narrows the search, and the sealed one, which decides it.
/// </summary>
internal sealed class Investigations(NpgsqlDataSource database)
{
    // The time shown and searched is where the event belongs (placed_events): for one stamped by an
    // unsynchronised clock, "clock" says so and what it was stamped with.
    private const string AttemptColumns = """
        coalesce(e.placed_time, e.time), e.gateway, e.seq, e.kind, e.lane, e.direction, e.outcome, e.person_ref, e.person_class, e.credential_masked,
        (convert_from(e.body, 'UTF8')::jsonb #>> '{temperature,bodyC}'),
        (SELECT a.relay FROM gateway_events a WHERE a.gateway = e.gateway AND a.for_seq = e.seq AND a.kind = 'actuation' ORDER BY a.seq LIMIT 1),
        CASE WHEN e.clock_synced IS NOT FALSE THEN NULL
             WHEN e.placed_time IS NULL THEN 'not synchronised, not yet placeable; stamped ' || to_char(e.time AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
             ELSE 'not synchronised; stamped ' || to_char(e.time AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') END
        """;

    private static readonly string[] AttemptHeadings = ["time", "gateway", "seq", "kind", "lane", "direction", "outcome", "person", "class", "credential", "bodyC", "relay", "clock"];

    // In [from, to) by where it belongs; written so the (…, time) indexes serve the synchronised rows,
    // and only the few stamped by an unsynchronised clock are placed one by one.
    private static string PlacedWithin(string from, string to) => $"""
        ((e.clock_synced IS NOT FALSE AND e.time >= {from} AND e.time < {to})
         OR (e.clock_synced = false AND coalesce(e.placed_time, e.time) >= {from} AND coalesce(e.placed_time, e.time) < {to}))
        """;

    /// <summary>Every attempt (passages, overrides, remote opens) at one gate in [from, to).</summary>
    public async Task<ResultTable> AtGateAsync(string compound, string gate, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        await RowsAsync(AttemptHeadings, $"""
            SELECT {AttemptColumns} FROM placed_events e
            WHERE e.compound = $1 AND e.gate = $2 AND e.kind IN ('passage', 'override', 'remote-open') AND {PlacedWithin("$3", "$4")}
            ORDER BY 1, e.gateway, e.seq
            """, [compound, gate, from.UtcDateTime, to.UtcDateTime], cancellationToken);

    /// <summary>Every attempt by one person (an ID number or a compound card number) at any gate in [from, to).</summary>
    public async Task<ResultTable> OfPersonAsync(CredentialKind kind, string number, ECDiffieHellman sealingKey, DateTimeOffset from, DateTimeOffset to,
        CancellationToken cancellationToken)
    {
        number = number.Trim().ToUpperInvariant();
        string wanted = $"{Events.Wire.Of(kind)}:{number}";
        var candidates = await RowsAsync([.. AttemptHeadings, "sealed"], $"""
            SELECT {AttemptColumns}, e.credential_sealed FROM placed_events e
            WHERE e.credential_masked = $1 AND e.credential_sealed IS NOT NULL AND {PlacedWithin("$2", "$3")}
            ORDER BY 1, e.gateway, e.seq
            """, [PersonalDataMask.Credential(new Credential(kind, number)), from.UtcDateTime, to.UtcDateTime], cancellationToken);
        var rows = candidates.Rows.Where(r => Opens(r[^1]!) == wanted).Select(r => r[..^1]).ToList();
        return new ResultTable(AttemptHeadings, rows);

        string? Opens(string sealedIdentity)
        {
            try
            {
                return IdentitySealer.Open(sealingKey, sealedIdentity);
            }
            catch (Exception ex) when (ex is CryptographicException or FormatException)
            {
                return null; // sealed to another key, or damaged: not this person as far as can be told
            }
        }
    }

    /// <summary>Per gateway: where its stored record stops being whole, and the integrity alarms raised for it.</summary>
    public async Task<ResultTable> GapsAndAlarmsAsync(CancellationToken cancellationToken) =>
        await RowsAsync(["gateway", "checked to", "stored", "missing from", "missing to", "asked again", "alarms", "newest alarm"], """
            SELECT w.gateway, w.checked_to,
                (SELECT count(*) FROM gateway_events e WHERE e.gateway = w.gateway),
                CASE WHEN w.gap_seen_at IS NOT NULL THEN w.checked_to + 1 END,
                CASE WHEN w.gap_seen_at IS NOT NULL THEN coalesce(
                    (SELECT min(e.seq) - 1 FROM gateway_events e WHERE e.gateway = w.gateway AND e.seq > w.checked_to),
                    (SELECT max(c.size) FROM gateway_checkpoints c WHERE c.gateway = w.gateway)) END,
                w.republish_requests,
                (SELECT count(*) FROM integrity_alarms a WHERE a.gateway = w.gateway),
                (SELECT a.kind || ' #' || coalesce(a.seq::text, '-') || ': ' || a.detail FROM integrity_alarms a WHERE a.gateway = w.gateway ORDER BY a.id DESC LIMIT 1)
            FROM gateway_watermarks w
            WHERE w.gap_seen_at IS NOT NULL OR EXISTS (SELECT 1 FROM integrity_alarms a WHERE a.gateway = w.gateway)
            ORDER BY w.gateway
            """, [], cancellationToken);

    /// <summary>Every integrity alarm, newest last.</summary>
    public async Task<ResultTable> AlarmsAsync(CancellationToken cancellationToken) =>
        await RowsAsync(["raised", "gateway", "seq", "kind", "detail"],
            "SELECT raised_at, gateway, seq, kind, detail FROM integrity_alarms ORDER BY id", [], cancellationToken);

    /// <summary>Openings allowed but not confirmed by the relay: no actuation record, or one saying it failed or was never confirmed.</summary>
    public async Task<ResultTable> NeverOpenedAsync(CancellationToken cancellationToken) =>
        await RowsAsync([.. AttemptHeadings, "why"], $"""
            SELECT {AttemptColumns},
                CASE WHEN a.seq IS NULL THEN 'no actuation record has arrived' ELSE 'relay ' || a.relay || coalesce(': ' || (convert_from(a.body, 'UTF8')::jsonb ->> 'problem'), '') END
            FROM placed_events e
            LEFT JOIN gateway_events a ON a.gateway = e.gateway AND a.for_seq = e.seq AND a.kind = 'actuation'
            WHERE (e.kind = 'remote-open' OR (e.kind IN ('passage', 'override') AND e.outcome = 'allow'))
              AND (a.seq IS NULL OR a.relay IN ('failed', 'not-confirmed'))
            ORDER BY 1, e.gateway, e.seq
            """, [], cancellationToken);

    private async Task<ResultTable> RowsAsync(string[] headings, string sql, object[] values, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        var rows = new List<string?[]>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var row = new string?[reader.FieldCount];
            for (int i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i) switch
                {
                    DateTime t => new DateTimeOffset(t, TimeSpan.Zero).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture),
                    IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
                    var v => v.ToString(),
                };
            }

            rows.Add(row);
        }

        return new ResultTable(headings, rows);
    }
}
