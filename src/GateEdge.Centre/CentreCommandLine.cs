using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using GateEdge.Centre.Ingest;
using GateEdge.Centre.Queries;
using GateEdge.Centre.Store;
using GateEdge.Cli;
using GateEdge.Devices.CardReaders;
using GateEdge.Evidence.Verify;
using GateEdge.Trust;
using Npgsql;

namespace GateEdge.Centre;

/// <summary>
/// <c>gateedge-centre</c>: the district's reference centre (docs/centre.md). <c>ingest</c> keeps the
/// record, <c>query</c> answers an investigator, <c>verify</c> checks the stored record as the auditor's
/// tool checks a dump. Exit codes: 0 done (or a whole record), 1 an integrity failure or a stop on
/// error, 2 a usage or input mistake, named in one line.
/// </summary>
internal static class CentreCommandLine
{
    public static RootCommand Build()
    {
        var database = new Option<string>("--database")
        {
            Description = "PostgreSQL connection string, e.g. \"Host=127.0.0.1;Username=gateedge;Database=gateedge\" (a password from PGPASSWORD or ~/.pgpass)",
            Required = true,
        };
        var root = new Option<string>("--root") { Description = "The topic root the gateways publish under", DefaultValueFactory = _ => "gateedge/v1" };
        return new RootCommand("GateEdge centre: keeps every gateway's signed record in PostgreSQL, checks it, heals its gaps and answers investigators' questions")
        {
            IngestCommand(database, root), QueryCommand(database), VerifyCommand(database, root),
        };
    }

    private static Command IngestCommand(Option<string> database, Option<string> root)
    {
        var broker = new Option<string>("--broker") { Description = "The broker, HOST or HOST:PORT", Required = true };
        var clientId = new Option<string>("--client-id") { Description = "This worker's MQTT client id, unique and kept across restarts", Required = true };
        var keys = new Option<string>("--keys") { Description = "Folder of each gateway's enrolled public key, {gateway}.pub.pem", Required = true };
        var signingKey = new Option<string>("--signing-key") { Description = "The centre's private signing key (PEM), for republish requests and checkpoint acknowledgements", Required = true };
        var keyId = new Option<string>("--key-id") { Description = "The id the gateways know the signing key by (Commands.CentreKeys)", Required = true };
        var username = new Option<string?>("--username") { Description = "Broker user name" };
        var passwordFile = new Option<string?>("--password-file") { Description = "File holding the broker password" };
        var caFile = new Option<string?>("--ca-file") { Description = "CA of the broker's certificate: connect with TLS" };
        var group = new Option<string>("--group") { Description = "Shared subscription group; every worker of the district uses the same", DefaultValueFactory = _ => "ingest" };
        var gapGrace = new Option<int>("--gap-grace") { Description = "Seconds a gap in a gateway's record may stand before it is asked for again", DefaultValueFactory = _ => 30 };
        var command = new Command("ingest", "Store every gateway's events and checkpoints; ask for gaps; acknowledge checkpoints (run two or more, each with its own --client-id)")
        {
            broker, clientId, keys, signingKey, keyId, username, passwordFile, caFile, group, gapGrace, database, root,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var (host, port, brokerProblem) = Broker(result.GetValue(broker)!);
            var (enrolled, keysProblem) = EnrolledKeys.Load(result.GetValue(keys)!);
            var (signer, signerProblem) = Signer(result.GetValue(signingKey)!, result.GetValue(keyId)!);
            string? graceProblem = result.GetValue(gapGrace) is >= 1 and <= 86_400 ? null : "--gap-grace: give 1–86400 seconds";
            if ((brokerProblem ?? keysProblem ?? signerProblem ?? graceProblem) is { } problem)
            {
                Console.Out.WriteLine(problem);
                return 2;
            }

            var options = new IngestOptions
            {
                Host = host!, Port = port, ClientId = result.GetValue(clientId)!, Username = result.GetValue(username), PasswordFile = result.GetValue(passwordFile),
                CaFile = result.GetValue(caFile), Group = result.GetValue(group)!, Root = result.GetValue(root)!,
            };
            var sweep = new SweepOptions { GapGrace = TimeSpan.FromSeconds(result.GetValue(gapGrace)) };
            return await IngestRun.RunAsync(options, sweep, result.GetValue(database)!, enrolled!, signer!, cancellationToken);
        });
        return command;
    }

    private static Command QueryCommand(Option<string> database)
    {
        var format = new Option<string>("--format") { Description = "table, csv or json", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "csv", "json");
        var from = new Option<string>("--from") { Description = "Start of the window (ISO 8601, e.g. 2026-12-06T14:00+08:00)", Required = true };
        var to = new Option<string>("--to") { Description = "End of the window, exclusive (ISO 8601)", Required = true };

        var compound = new Option<string>("--compound") { Required = true, Description = "Compound id" };
        var gate = new Option<string>("--gate") { Required = true, Description = "Gate id" };
        var atGate = new Command("gate", "Every attempt at one gate in a time window, with what the relay did") { compound, gate, from, to, format, database };
        atGate.SetAction((result, ct) => Answer(result, database, format, (q, c) =>
            Window(result, from, to) is var (f, t, problem) && problem is null ? q.AtGateAsync(result.GetValue(compound)!, result.GetValue(gate)!, f, t, c) : throw new UsageException(problem!), ct));

        var idNumber = new Option<string?>("--id-number") { Description = "The person's ID number" };
        var card = new Option<string?>("--card") { Description = "The person's compound card number" };
        var sealingKey = new Option<string>("--sealing-key") { Description = "The centre's private sealing key (PEM): sealed identities are opened only here", Required = true };
        var person = new Command("person", "Every gate one person passed in a time window (by ID number or compound card)") { idNumber, card, sealingKey, from, to, format, database };
        person.SetAction((result, ct) => Answer(result, database, format, async (q, c) =>
        {
            var (kind, number) = (result.GetValue(idNumber), result.GetValue(card)) switch
            {
                ({ } id, null) => (CredentialKind.NationalId, id),
                (null, { } cardNumber) => (CredentialKind.CompoundCard, cardNumber),
                _ => throw new UsageException("give exactly one of --id-number and --card"),
            };
            using var key = OpenSealingKey(result.GetValue(sealingKey)!);
            var (f, t, problem) = Window(result, from, to);
            return problem is null ? await q.OfPersonAsync(kind, number, key, f, t, c) : throw new UsageException(problem);
        }, ct));

        var gaps = new Command("gaps", "Gateways whose stored record has a gap or an integrity alarm") { format, database };
        gaps.SetAction((result, ct) => Answer(result, database, format, (q, c) => q.GapsAndAlarmsAsync(c), ct));
        var alarms = new Command("alarms", "Every integrity alarm the ingest raised, with its detail") { format, database };
        alarms.SetAction((result, ct) => Answer(result, database, format, (q, c) => q.AlarmsAsync(c), ct));
        var neverOpened = new Command("never-opened", "Openings allowed but never confirmed by the relay") { format, database };
        neverOpened.SetAction((result, ct) => Answer(result, database, format, (q, c) => q.NeverOpenedAsync(c), ct));
        return new Command("query", "Answer an investigator's question from the stored record") { atGate, person, gaps, alarms, neverOpened };
    }

    private static Command VerifyCommand(Option<string> database, Option<string> root)
    {
        var keys = new Option<string>("--keys") { Description = "Folder of each gateway's enrolled public key, {gateway}.pub.pem", Required = true };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON" };
        var command = new Command("verify", "Check the stored record: signatures, every chain link, gaps, repeats, checkpoints, openings never confirmed, and the ingest's alarms (exit 1 on any integrity failure)")
        {
            keys, json, database, root,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var (enrolled, problem) = EnrolledKeys.Load(result.GetValue(keys)!);
            if (enrolled is null)
            {
                Console.Out.WriteLine(problem);
                return 2;
            }

            await using var source = DataSource(result.GetValue(database)!);
            var verifier = new RecordVerifier(enrolled);
            await StoredRecord.FeedAsync(source, result.GetValue(root)!, verifier, cancellationToken);
            int exit = RecordCheck.Report(verifier.Finish(), Console.Out, result.GetValue(json));
            var raised = await new Investigations(source).AlarmsAsync(cancellationToken);
            if (raised.Rows.Count > 0 && !result.GetValue(json))
            {
                Console.Out.WriteLine($"{raised.Rows.Count} integrity alarms raised at ingest (messages refused or conflicting): gateedge-centre query alarms");
            }

            return raised.Rows.Count > 0 ? 1 : exit;
        });
        return command;
    }

    private static async Task<int> Answer(ParseResult result, Option<string> database, Option<string> format, Func<Investigations, CancellationToken, Task<ResultTable>> question,
        CancellationToken cancellationToken)
    {
        try
        {
            await using var source = DataSource(result.GetValue(database)!);
            var table = await question(new Investigations(source), cancellationToken);
            table.Write(result.GetValue(format)!, Console.Out);
            return 0;
        }
        catch (UsageException ex)
        {
            Console.Out.WriteLine(ex.Message);
            return 2;
        }
    }

    /// <summary>The data source for a connection string; AOT-safe (no reflection-based type mapping).</summary>
    public static NpgsqlDataSource DataSource(string connectionString)
    {
        try
        {
            var builder = new NpgsqlSlimDataSourceBuilder(connectionString).EnableArrays();
            // The ingest's staging table lives as long as the pooled connection; nothing else keeps session state.
            builder.ConnectionStringBuilder.NoResetOnClose = true;
            return builder.Build();
        }
        catch (ArgumentException ex)
        {
            throw new UsageException($"--database: not a PostgreSQL connection string ({ex.Message})");
        }
    }

    private static (DateTimeOffset From, DateTimeOffset To, string? Problem) Window(ParseResult result, Option<string> from, Option<string> to)
    {
        bool fromOk = DateTimeOffset.TryParse(result.GetValue(from), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var f);
        bool toOk = DateTimeOffset.TryParse(result.GetValue(to), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t);
        return !fromOk ? (f, t, $"--from: '{result.GetValue(from)}' is not a time (ISO 8601, e.g. 2026-12-06T14:00+08:00)")
            : !toOk ? (f, t, $"--to: '{result.GetValue(to)}' is not a time (ISO 8601, e.g. 2026-12-06T16:00+08:00)")
            : t <= f ? (f, t, "--to must be after --from")
            : (f, t, null);
    }

    private static (string? Host, int Port, string? Problem) Broker(string value)
    {
        int colon = value.LastIndexOf(':');
        if (colon < 0)
        {
            return (value, 1883, value.Length == 0 ? "--broker: give HOST or HOST:PORT" : null);
        }

        return int.TryParse(value[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out int port) && port is > 0 and < 65536 && colon > 0
            ? (value[..colon], port, null)
            : (null, 0, $"--broker: '{value}' is not HOST or HOST:PORT with a port 1–65535");
    }

    private static (CentreSigner? Signer, string? Problem) Signer(string file, string keyId)
    {
        try
        {
            return (CentreSigner.FromPem(File.ReadAllText(file), keyId), null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or CryptographicException)
        {
            return (null, $"--signing-key: {file} is not a readable PEM ECDSA P-256 private key ({ex.Message})");
        }
    }

    private static ECDiffieHellman OpenSealingKey(string file)
    {
        var key = ECDiffieHellman.Create();
        try
        {
            key.ImportFromPem(File.ReadAllText(file));
            return key;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or CryptographicException)
        {
            key.Dispose();
            throw new UsageException($"--sealing-key: {file} is not a readable PEM P-256 private key ({ex.Message})");
        }
    }
}

/// <summary>A mistake in what was asked, said in one line; exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
