using System.Text.Json;
using System.Text;
using GateEdge.Events;
using GateEdge.Evidence;
using GateEdge.Journal;
using GateEdge.SystemTests.Support;
using GateEdge.Trust;
using MQTTnet;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace GateEdge.SystemTests;

/// <summary>
/// The record as evidence (docs/mqtt.md, "Checking the record"): whatever is deleted, altered,
/// reordered or forged — in the stream the centre received, in the journal by root on the box, or
/// with the gateway's own broker account — the auditor's tool and the ingest name the gateway, the
/// sequence number and what is wrong; the untouched record verifies clean.
/// </summary>
public sealed class EvidenceSystemTests : GateTest
{
    private const string Base = "gateedge/v1/c-7/east/gw-7";

    /// <summary>What the test gate's relay output (Outputs.Driver log) says when it opens.</summary>
    private const string GateOpens = "gate opens";

    // An allowed resident (1, actuation 2), a fever retested (3) and refused (4), an allowed resident (5, actuation 6).
    private static readonly (int, decimal, string)[] Visits = [(0, 36.6m, "00:00:00.2"), (1, 38.1m, "00:00:00.5"), (1, 38.1m, "00:00:02.5"), (2, 36.7m, "00:00:00.5")];

    [Fact]
    public async Task A_received_stream_with_an_event_deleted_altered_or_two_reordered_fails_verification_naming_each()
    {
        Gate.WriteGatewayConfig();
        Gate.WriteScript(Visits);
        await using var centre = await CentreSubscriber.ConnectAsync(Broker.Port);
        await using (var gateway = Gate.StartGateway())
        await using (var simulator = Gate.StartSimulator())
        {
            await Eventually.True(() => centre.SeqCount >= 6, "six events at the centre", TimeSpan.FromSeconds(60));
            Assert.Equal(0, await gateway.StopAsync(TimeSpan.FromSeconds(30)));
        }

        var received = centre.Raw.Select(m => (m.Topic, Text: Encoding.UTF8.GetString(m.Payload))).ToList();
        var keys = EnrolledKeysFolder();
        var (clean, cleanReport) = await VerifyAsync(keys, received);
        Assert.True(clean == 0, cleanReport);
        Assert.Contains("the record verifies", cleanReport, StringComparison.Ordinal);

        var (deleted, deletedReport) = await VerifyAsync(keys, received.Where(m => SeqOf(m.Text) != 3));
        Assert.Equal(1, deleted);
        Assert.Contains("FAIL gw-7 #3 gap: event 3 is missing", deletedReport, StringComparison.Ordinal);

        var (altered, alteredReport) = await VerifyAsync(keys, received.Select(m => SeqOf(m.Text) == 4 ? (m.Topic, m.Text.Replace("\"outcome\":\"deny\"", "\"outcome\":\"allow\"", StringComparison.Ordinal)) : m));
        Assert.Equal(1, altered);
        Assert.Contains("FAIL gw-7 #4 bad-signature: passage #4", alteredReport, StringComparison.Ordinal);
        Assert.Contains("FAIL gw-7 #5 chain-break: passage #5 does not follow passage #4", alteredReport, StringComparison.Ordinal);

        // Events 3 and 4 exchanged: each body now claims the other's place in the chain.
        var (swapped, swappedReport) = await VerifyAsync(keys, received.Select(m => SeqOf(m.Text) switch
        {
            3 => (m.Topic, m.Text.Replace("\"seq\":3,", "\"seq\":4,", StringComparison.Ordinal)),
            4 => (m.Topic, m.Text.Replace("\"seq\":4,", "\"seq\":3,", StringComparison.Ordinal)),
            _ => m,
        }));
        Assert.Equal(1, swapped);
        Assert.Contains("FAIL gw-7 #4 chain-break", swappedReport, StringComparison.Ordinal);
        Assert.Contains("FAIL gw-7 #3 bad-signature", swappedReport, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_journal_row_rewritten_and_the_newest_row_deleted_by_root_before_delivery_are_named_at_the_centre()
    {
        Gate.WriteGatewayConfig();
        Gate.WriteScript(Visits);
        await Broker.StopAsync();
        await using (var gateway = Gate.StartGateway())
        await using (var simulator = Gate.StartSimulator())
        {
            await Eventually.True(() => JournalProbe.Read(Gate.JournalPath) is { LastSeq: 6, Undelivered: 6 }, "six events held while the broker is away", TimeSpan.FromSeconds(60));
            Assert.Equal(0, await gateway.StopAsync(TimeSpan.FromSeconds(30)));
        }

        // Root on the box, thoroughly: the refusal becomes an admission with its stored hash recomputed, and the newest row goes.
        using (var journal = new SqliteConnection($"Data Source={Gate.JournalPath};Pooling=False"))
        {
            journal.Open();
            using var read = journal.CreateCommand();
            read.CommandText = "SELECT payload FROM events WHERE seq = 4";
            var forged = Encoding.UTF8.GetString((byte[])read.ExecuteScalar()!).Replace("\"outcome\":\"deny\"", "\"outcome\":\"allow\"", StringComparison.Ordinal);
            using var write = journal.CreateCommand();
            write.CommandText = "UPDATE events SET payload = $p, hash = $h WHERE seq = 4; DELETE FROM events WHERE seq = 6; DELETE FROM undelivered WHERE seq = 6;";
            write.Parameters.AddWithValue("$p", Encoding.UTF8.GetBytes(forged));
            write.Parameters.AddWithValue("$h", GateEdge.Evidence.EventChain.Hash(Encoding.UTF8.GetBytes(forged)));
            write.ExecuteNonQuery();
        }

        await Broker.RestartAsync();
        await using var centre = await CentreSubscriber.ConnectAsync(Broker.Port);
        await using var restarted = Gate.StartGateway();
        await restarted.WaitForLineAsync("The journal is behind its own chain: events 6–6", TimeSpan.FromSeconds(30));
        await Eventually.True(() => centre.Seqs.Contains(7), "the restarted gateway's alarm event at the centre", TimeSpan.FromSeconds(30));
        await restarted.StopAsync(TimeSpan.FromSeconds(30));

        var (exit, report) = await VerifyAsync(EnrolledKeysFolder(), centre.Raw.Select(m => (m.Topic, Encoding.UTF8.GetString(m.Payload))));
        Assert.Equal(1, exit);
        Assert.Contains("FAIL gw-7 #4 bad-signature: passage #4", report, StringComparison.Ordinal);
        Assert.Contains("FAIL gw-7 #5 chain-break", report, StringComparison.Ordinal);
        Assert.Contains("FAIL gw-7 #6 gap: event 6 is missing", report, StringComparison.Ordinal);
        var alarm = Assert.Single(centre.Events, e => e.GetProperty("schema").GetString()!.StartsWith("gateedge.alarm/", StringComparison.Ordinal));
        Assert.Equal((6L, 6L), (alarm.GetProperty("fromSeq").GetInt64(), alarm.GetProperty("toSeq").GetInt64()));
    }

    [Fact]
    public async Task Messages_forged_with_the_gateways_broker_account_but_not_its_key_are_flagged_by_verify_and_by_the_ingest()
    {
        Gate.WriteGatewayConfig();
        Gate.WriteScript(Visits[..1]);
        await using var ingest = await TestIngest.StartAsync(Broker.Port);
        await using var centre = await CentreSubscriber.ConnectAsync(Broker.Port);
        await using var gateway = Gate.StartGateway();
        await gateway.WaitForLineAsync("Connected to the broker", TimeSpan.FromSeconds(30));
        ingest.Enrol("gw-7", Gate.StateDirectory);
        await using var worker = ingest.StartWorker("ingest-1");
        await worker.WaitForLineAsync("Ingesting", TimeSpan.FromSeconds(30));
        await using (var simulator = Gate.StartSimulator())
        {
            await Eventually.True(() => centre.SeqCount >= 2, "the genuine opening and its actuation record", TimeSpan.FromSeconds(60));
        }

        // The account's holder has the broker password, not the key in the box: it signs with a key of its own.
        using var thief = GatewayKey.Ephemeral();
        using var forger = new MqttClientFactory().CreateMqttClient();
        await forger.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", Broker.Port).WithClientId("gw-7-thief").Build());
        var genuine = centre.Passages.First().GetRawText();
        var forgedPassage = genuine.Replace("\"seq\":1,", "\"seq\":999,", StringComparison.Ordinal);
        await TestCentre.PublishAsync(forger, $"{Base}/event/passage", GatewayMessage.Signed(thief, Encoding.UTF8.GetBytes(forgedPassage)));
        await TestCentre.PublishAsync(forger, $"{Base}/command-result",
            GatewayMessage.Signed(thief, """{"schema":"gateedge.command-result/1","gateway":"gw-7","id":"open-1","command":"open","status":"done","reason":null,"time":"2026-12-06T03:00:00Z"}"""u8));
        await Eventually.True(() => centre.CountOn($"{Base}/command-result") >= 1 && centre.Seqs.Contains(999), "the forgeries at the centre", TimeSpan.FromSeconds(20));

        var (exit, report) = await VerifyAsync(EnrolledKeysFolder(), centre.Raw.Select(m => (m.Topic, Encoding.UTF8.GetString(m.Payload))));
        Assert.Equal(1, exit);
        Assert.Contains($"FAIL gw-7 #999 bad-signature: {Base}/event/passage: signed with key {thief.KeyId}", report, StringComparison.Ordinal);
        Assert.Contains($"FAIL gw-7 bad-signature: {Base}/command-result: signed with key {thief.KeyId}", report, StringComparison.Ordinal);

        async Task<string> Alarms() => await ingest.SqlAsync("SELECT kind || ' ' || topic FROM integrity_alarms ORDER BY topic");
        await Eventually.True(() => Alarms().Result.Split('\n').Length == 2, "both forgeries raised as alarms at the ingest", TimeSpan.FromSeconds(20));
        Assert.Equal($"bad-signature {Base}/command-result\nbad-signature {Base}/event/passage", await Alarms());
        Assert.Equal("1,2", await ingest.SqlAsync("SELECT string_agg(seq::text, ',' ORDER BY seq) FROM gateway_events"));
    }

    [Fact]
    public async Task A_gateway_killed_between_committing_an_opening_and_moving_the_relay_reports_it_after_restart_as_allowed_not_opened()
    {
        Gate.WriteGatewayConfig();
        Gate.WriteScript([(0, 36.6m, "00:00:03")]);
        // Every sync of the journal's write-ahead log returns 3 s late (strace holds the call after the
        // data is on disk): the gateway's commit of the opening is durable while it still waits to move the relay.
        string wal = Gate.JournalPath + "-wal";
        await using (var held = Gate.StartGateway("strace", ["-f", "-qq", "-o", "/dev/null", "-P", wal, "-e", "trace=fsync,fdatasync",
            "-e", "inject=fsync,fdatasync:delay_exit=3000000", "--", "dotnet", RepoPaths.GateEdgeDll]))
        {
            await held.WaitForLineAsync("Connected to the broker", TimeSpan.FromSeconds(90));
            await Eventually.True(() => JournalProbe.Read(Gate.JournalPath) is { Undelivered: 0 }, "nothing waiting in the journal", TimeSpan.FromSeconds(60));
            var before = File.GetLastWriteTimeUtc(wal);
            await using var simulator = Gate.StartSimulator();
            await Eventually.True(() => File.GetLastWriteTimeUtc(wal) != before, "the allowed passage written to the journal's log", TimeSpan.FromSeconds(60));
            await Task.Delay(300); // within the 3 s the sync is held: the write is on disk, the relay has not moved
            held.KillTraced();
            await held.ExitCodeAsync(TimeSpan.FromSeconds(10));
            Assert.DoesNotContain(held.Lines, l => l.Contains(GateOpens, StringComparison.Ordinal));
        }

        var journalled = JournalProbe.Bodies(Gate.JournalPath);
        Assert.Equal(["passage"], journalled.Select(e => e.Kind));
        Assert.Contains("\"outcome\":\"allow\"", journalled[0].Body, StringComparison.Ordinal);

        await using var ingest = await TestIngest.StartAsync(Broker.Port);
        ingest.Enrol("gw-7", Gate.StateDirectory);
        await using var worker = ingest.StartWorker("ingest-1");
        await worker.WaitForLineAsync("Ingesting", TimeSpan.FromSeconds(30));
        await using var gateway = Gate.StartGateway();
        await gateway.WaitForLineAsync("allowed, never confirmed opened", TimeSpan.FromSeconds(30));

        await Eventually.True(() => ingest.SqlAsync("SELECT count(*) FROM gateway_events").Result == "2", "the passage and its not-confirmed actuation record stored", TimeSpan.FromSeconds(30));
        Assert.DoesNotContain(gateway.Lines, l => l.Contains(GateOpens, StringComparison.Ordinal));
        Assert.Equal("actuation|1|not-confirmed", await ingest.SqlAsync("SELECT kind || '|' || for_seq || '|' || relay FROM gateway_events WHERE seq = 2"));
        var (exit, neverOpened) = await ingest.RunAsync("query", "never-opened", "--format", "csv");
        Assert.True(exit == 0, neverOpened);
        var rows = neverOpened.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, rows.Length);
        Assert.Contains(",gw-7,1,passage,lane1,", rows[1], StringComparison.Ordinal);
        Assert.EndsWith(",not-confirmed,,relay not-confirmed: the gateway stopped between recording this opening and recording what the relay did; the gate most likely did not open", rows[1], StringComparison.Ordinal);
        var (_, report) = await ingest.RunAsync("verify", "--keys", ingest.KeysFolder);
        Assert.Contains("note gw-7 #1 allowed-not-opened: passage #1 allowed, never opened: relay not-confirmed (actuation #2)", report, StringComparison.Ordinal);
    }

    private string EnrolledKeysFolder()
    {
        var folder = Path.Combine(Gate.Dir, "enrolled");
        Directory.CreateDirectory(folder);
        using var key = System.Security.Cryptography.ECDsa.Create();
        key.ImportFromPem(File.ReadAllText(Path.Combine(Gate.StateDirectory, GatewayKey.FileName)));
        File.WriteAllText(Path.Combine(folder, "gw-7.pub.pem"), key.ExportSubjectPublicKeyInfoPem());
        return folder;
    }

    /// <summary>Runs <c>gateedge centre verify</c> on the messages, written as <c>mosquitto_sub -F %j</c> would.</summary>
    private async Task<(int Exit, string Report)> VerifyAsync(string keys, IEnumerable<(string Topic, string Text)> messages)
    {
        var file = Path.Combine(Gate.Dir, $"received-{Guid.NewGuid():N}.jsonl");
        await File.WriteAllLinesAsync(file, messages.Select(m => JsonSerializer.Serialize(new Dictionary<string, string> { ["topic"] = m.Topic, ["payload"] = m.Text })));
        await using var verify = ChildProcess.StartDotnet(RepoPaths.GateEdgeDll, "centre", "verify", "--keys", keys, file);
        int exit = await verify.ExitCodeAsync(TimeSpan.FromSeconds(60));
        return (exit, verify.Output);
    }

    private static long? SeqOf(string message)
    {
        var body = message[(message.IndexOf('\n', StringComparison.Ordinal) + 1)..];
        using var document = JsonDocument.Parse(body);
        return document.RootElement.TryGetProperty("seq", out var seq) && seq.ValueKind == JsonValueKind.Number ? seq.GetInt64() : null;
    }
}
