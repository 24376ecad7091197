using GateEdge.Evidence.Verify;
using Npgsql;

namespace GateEdge.Centre.Store;

/// <summary>
/// Reads the stored record back as the messages it was received as (topic, signature line and body,
/// byte for byte), so the auditor's <see cref="RecordVerifier"/> checks the database exactly as it
/// checks a dump of what the broker delivered.
/// </summary>
internal static class StoredRecord
{
    public static async Task FeedAsync(NpgsqlDataSource database, string root, RecordVerifier verifier, CancellationToken cancellationToken)
    {
        await using (var events = database.CreateCommand("SELECT compound, gate, gateway, kind, header, body FROM gateway_events ORDER BY gateway, seq"))
        await using (var reader = await events.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                byte[] header = System.Text.Encoding.UTF8.GetBytes(reader.GetString(4) + "\n");
                verifier.Add(new ReceivedMessage($"{root}/{reader.GetString(0)}/{reader.GetString(1)}/{reader.GetString(2)}/event/{reader.GetString(3)}",
                    [.. header, .. reader.GetFieldValue<byte[]>(5)]));
            }
        }

        await using (var checkpoints = database.CreateCommand("""
            SELECT w.compound, w.gate, c.gateway, c.message FROM gateway_checkpoints c JOIN gateway_watermarks w ON w.gateway = c.gateway ORDER BY c.gateway, c.size
            """))
        await using (var reader = await checkpoints.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                verifier.Add(new ReceivedMessage($"{root}/{reader.GetString(0)}/{reader.GetString(1)}/{reader.GetString(2)}/checkpoint", reader.GetFieldValue<byte[]>(3)));
            }
        }
    }
}
