using System.Text.Json;
using GateEdge.Common.Messages;
using GateEdge.Configuration;
using GateEdge.Journal;
using Microsoft.Data.Sqlite;
using static GateEdge.Journal.Sql;

namespace GateEdge.Cli;

/// <summary>
/// <c>gateedge outbox status</c> and <c>gateedge events tail</c>: the local journal read-only,
/// safe while the service runs. Text in the technician's language; <c>--json</c> never changes.
/// </summary>
internal static class JournalReport
{
    public static int Status(string configPath, TextWriter output, bool json = false, Language language = Language.English)
    {
        using var connection = Open(configPath, out var path);
        long total = Scalar(connection, "SELECT COUNT(*) FROM events");
        long undelivered = Scalar(connection, "SELECT COUNT(*) FROM undelivered");
        long last = Scalar(connection, "SELECT COALESCE(MAX(seq), 0) FROM chain");
        long oldest = Scalar(connection, "SELECT COALESCE((SELECT e.stored_at FROM undelivered u CROSS JOIN events e ON e.seq = u.seq ORDER BY u.seq LIMIT 1), 0)");
        if (json)
        {
            JsonOutput.WriteLine(output, w =>
            {
                w.WriteStartObject();
                w.WriteString("journal", path);
                w.WriteNumber("lastSeq", last);
                w.WriteNumber("kept", total);
                w.WriteNumber("undelivered", undelivered);
                if (undelivered > 0)
                {
                    w.WriteString("oldestUndeliveredStoredAt", DateTimeOffset.FromUnixTimeMilliseconds(oldest));
                }
                else
                {
                    w.WriteNull("oldestUndeliveredStoredAt");
                }

                w.WriteEndObject();
            });
            return 0;
        }

        output.WriteLine(ReportMessages.Journal.Say(("path", path)).In(language));
        output.WriteLine(ReportMessages.LastSeq.Say(("seq", last)).In(language));
        output.WriteLine(ReportMessages.Kept.Say(("count", total)).In(language));
        output.WriteLine((undelivered > 0
            ? ReportMessages.OldestUndelivered.Say(("count", undelivered), ("time", LocalTime.Format(DateTimeOffset.FromUnixTimeMilliseconds(oldest))))
            : ReportMessages.Undelivered.Say(("count", undelivered))).In(language));
        return 0;
    }

    /// <param name="json">One line per event: <c>{"seq", "delivered", "event"}</c> with the event as journalled.</param>
    public static int Tail(string configPath, int count, TextWriter output, bool json = false, Language language = Language.English)
    {
        using var connection = Open(configPath, out _);
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT seq, kind, payload, NOT EXISTS (SELECT 1 FROM undelivered u WHERE u.seq = newest.seq)
            FROM (SELECT seq, kind, payload FROM events ORDER BY seq DESC LIMIT $n) AS newest ORDER BY seq
            """;
        command.Parameters.AddWithValue("$n", count);
        using var rows = command.ExecuteReader();
        while (rows.Read())
        {
            long seq = rows.GetInt64(0);
            bool delivered = rows.GetInt64(3) == 1;
            var payload = (byte[])rows[2];
            if (json)
            {
                JsonOutput.WriteLine(output, w =>
                {
                    w.WriteStartObject();
                    w.WriteNumber("seq", seq);
                    w.WriteBoolean("delivered", delivered);
                    w.WritePropertyName("event");
                    WriteEvent(w, payload);
                    w.WriteEndObject();
                });
            }
            else
            {
                output.WriteLine(Summary(seq, (delivered ? ReportMessages.Delivered : ReportMessages.Waiting).Say().In(language), payload).In(language));
            }
        }

        return 0;
    }

    /// <summary>The event as journalled; a payload that is no JSON (never written by the gateway) as null.</summary>
    private static void WriteEvent(Utf8JsonWriter json, byte[] payload)
    {
        try
        {
            using var document = JsonDocument.Parse(payload);
            document.RootElement.WriteTo(json);
        }
        catch (JsonException)
        {
            json.WriteNullValue();
        }
    }

    /// <summary>The lines a technician reads; personal data in the journal is already masked.</summary>
    private static Said Summary(long seq, string state, byte[] payload)
    {
        try
        {
            var e = JsonDocument.Parse(payload).RootElement;
            string Get(params string[] path)
            {
                var node = e;
                foreach (var p in path)
                {
                    if (node.ValueKind != JsonValueKind.Object || !node.TryGetProperty(p, out node))
                    {
                        return "-";
                    }
                }

                return node.ValueKind == JsonValueKind.Array ? string.Join(",", node.EnumerateArray()) : node.ToString();
            }

            return ReportMessages.TailLine.Say(("seq", seq), ("state", state), ("time", LocalTime.Format(Get("time"))), ("schema", Get("schema")), ("lane", Get("lane")),
                ("credential", Get("credential", "masked")), ("bodyC", Get("temperature", "bodyC")), ("outcome", Get("outcome")), ("rules", Get("rules")), ("operator", Get("operator")));
        }
        catch (JsonException)
        {
            return ReportMessages.NotJson.Say(("seq", seq), ("state", state), ("bytes", payload.Length));
        }
    }

    private static SqliteConnection Open(string configPath, out string path)
    {
        path = ConfigFile.Load(configPath, forService: false).Journal.Path;
        if (!File.Exists(path))
        {
            throw new ToolProblem(ReportMessages.NoJournal.Say(("path", path)));
        }

        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        if (Scalar(connection, "SELECT COUNT(*) FROM sqlite_schema WHERE name = 'chain'") == 0)
        {
            // Read-only here: the service brings an older journal up to date when it opens it.
            connection.Dispose();
            throw new ToolProblem(ReportMessages.OldJournal.Say(("path", path)));
        }

        return connection;
    }
}
