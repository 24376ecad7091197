using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using GateEdge.Evidence.Verify;
using GateEdge.Evidence;
using GateEdge.Trust;
using MQTTnet.Protocol;
using MQTTnet;

namespace GateEdge.Benchmarks.Load;

/// <summary>
/// The reference centre under a district's load: N simulated gateways, each with its own key and
/// chain, publish signed passages to a private mosquitto; W ingest workers (the real
/// <c>gateedge-centre</c> processes) store them into a private PostgreSQL. The rate is taken from
/// the first publish to the moment the database holds every event, and the row count must equal
/// what was published. In the same run: what signing and chaining cost a gateway per event, and
/// how fast the auditor's verifier checks the same messages.
/// </summary>
internal static class CentreRun
{
    public static async Task RunAsync(int gateways, int events, int workers, TextWriter log)
    {
        var dir = Directory.CreateTempSubdirectory("gateedge-bench-centre-").FullName;
        try
        {
            var keysFolder = Path.Combine(dir, "keys");
            Directory.CreateDirectory(keysFolder);
            var keys = Enumerable.Range(0, gateways).Select(_ => GatewayKey.Ephemeral()).ToArray();
            for (int g = 0; g < gateways; g++)
            {
                await File.WriteAllTextAsync(Path.Combine(keysFolder, $"{Name(g)}.pub.pem"), keys[g].PublicKeyPem);
            }

            var signing = Stopwatch.StartNew();
            var messages = Messages(keys, events);
            double signMicros = signing.Elapsed.TotalMicroseconds / events;
            log.WriteLine($"signing and chaining: {signMicros:0.0} µs per event ({events} events of {gateways} gateways, one core)");

            var verify = Stopwatch.StartNew();
            var verifier = new RecordVerifier(EnrolledKeys.Load(keysFolder).Keys!);
            foreach (var (topic, payload) in messages)
            {
                verifier.Add(new ReceivedMessage(topic, payload));
            }

            var report = verifier.Finish();
            log.WriteLine($"verify: {events / verify.Elapsed.TotalSeconds:0} events/s ({(report.Clean ? "clean" : $"{report.Findings.Count} findings")})");

            await using var postgres = await PrivatePostgres.StartAsync();
            await postgres.CreateDatabaseAsync("centre");
            await StagesAsync(keysFolder, messages, postgres, log);
            using var broker = new PrivateMosquitto();
            broker.Start();
            var signer = Path.Combine(dir, "centre.key.pem");
            await File.WriteAllTextAsync(signer, CentreSigner.NewKeyPair().PrivatePem);
            // GATEEDGE_BENCH_CENTRE names a native gateedge-centre (dotnet publish -p:PublishAot=true) to measure instead of the JIT build beside the harness.
            var native = Environment.GetEnvironmentVariable("GATEEDGE_BENCH_CENTRE");
            List<GatewayProcess> StartWorkers() => [.. Enumerable.Range(1, workers).Select(w => (string[])["ingest", "--broker", $"127.0.0.1:{broker.Port}", "--client-id", $"bench-ingest-{w}",
                 "--keys", keysFolder, "--signing-key", signer, "--key-id", "bench", "--database", postgres.ConnectionString("centre")])
                .Select(arguments => string.IsNullOrEmpty(native)
                    ? GatewayProcess.Start("dotnet", [Path.Combine(AppContext.BaseDirectory, "gateedge-centre.dll"), .. arguments])
                    : GatewayProcess.Start(native, arguments))];
            var processes = StartWorkers();
            await WaitForSubscriptionsAsync(postgres);
            await using var database = GateEdge.Centre.CentreCommandLine.DataSource(postgres.ConnectionString("centre"));

            // Live: the first half published while the workers store it, all on the same two cores.
            int half = events / 2;
            var start = DateTimeOffset.UtcNow;
            var clock = Stopwatch.StartNew();
            await PublishAsync(broker.Port, messages[..half]);
            double published = clock.Elapsed.TotalSeconds;
            long stored = await WaitForAsync(database, half);
            double seconds = await SecondsToLastRowAsync(database, start);
            log.WriteLine($"ingest, {workers} workers, live: {stored} of {half} events stored {seconds:0.0} s after the first publish " +
                $"= {stored / seconds:0} events/s (the publisher alone took {published:0.0} s)");

            // A backlog: the workers away while the second half is published, then drained with nothing else running.
            foreach (var process in processes)
            {
                await process.StopAsync();
            }

            await PublishAsync(broker.Port, messages[half..]);
            processes = StartWorkers();
            var cpuBefore = processes.Select(p => p.Process.TotalProcessorTime).ToArray();
            var machineBefore = MachineBusy();
            start = DateTimeOffset.UtcNow;
            stored = await WaitForAsync(database, events);
            seconds = await SecondsToLastRowAsync(database, start);
            double cpu = processes.Select((p, i) => (p.Process.TotalProcessorTime - cpuBefore[i]).TotalSeconds).Sum();
            double machine = (MachineBusy() - machineBefore).TotalSeconds;
            log.WriteLine($"ingest, {workers} workers, a backlog of {events - half}: drained in {seconds:0.0} s from the workers' start = {(stored - half) / seconds:0} events/s " +
                $"(CPU per event: workers {cpu / (stored - half) * 1e6:0} µs, everything else on the machine {(machine - cpu) / (stored - half) * 1e6:0} µs); rows = published: {stored == events}");
            log.WriteLine($"database size: {await postgres.QueryAsync("centre", "SELECT pg_size_pretty(pg_database_size('centre')) || ', ' || (pg_total_relation_size('gateway_events') / greatest(count(*), 1)) || ' bytes a row' FROM gateway_events")}");
            foreach (var process in processes)
            {
                await process.DisposeAsync();
            }

            foreach (var problem in GatewayProcess.Problems)
            {
                log.WriteLine($"a worker logged: {problem}");
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>
    /// Where a worker's time goes, each stage alone in this process on one core: reading a message
    /// (signature, JSON, fields) and writing batches of 500 into a scratch database.
    /// </summary>
    private static async Task StagesAsync(string keysFolder, (string Topic, byte[] Payload)[] messages, PrivatePostgres postgres, TextWriter log)
    {
        var intake = new GateEdge.Centre.Ingest.MessageIntake(EnrolledKeys.Load(keysFolder).Keys!);
        var read = new GateEdge.Centre.Ingest.Intake[messages.Length];
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        for (int i = 0; i < messages.Length; i++)
        {
            read[i] = intake.Read(messages[i].Topic, messages[i].Payload)!;
        }

        log.WriteLine($"stage, reading a message alone: {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds / messages.Length:0.0} µs per event");
        cpu = Process.GetCurrentProcess().TotalProcessorTime;
        foreach (var chunk in messages.Chunk(5000))
        {
            intake.ReadAll(chunk);
        }

        log.WriteLine($"stage, reading batches of 5,000: {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds / messages.Length:0.0} µs per event");
        await postgres.CreateDatabaseAsync("stages");
        await using var database = GateEdge.Centre.CentreCommandLine.DataSource(postgres.ConnectionString("stages"));
        await GateEdge.Centre.Store.CentreSchema.EnsureAsync(database, CancellationToken.None);
        var writer = new GateEdge.Centre.Store.IntakeWriter(database);
        cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        foreach (var batch in read.Chunk(500))
        {
            await writer.WriteAsync(batch, CancellationToken.None);
        }

        log.WriteLine($"stage, writing batches of 500: {clock.Elapsed.TotalMicroseconds / read.Length:0.0} µs per event, " +
            $"of which this process's CPU {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds / read.Length:0.0} µs");
    }

    /// <summary>CPU time the whole machine spent busy so far (user, nice, system, interrupts), from /proc/stat.</summary>
    private static TimeSpan MachineBusy()
    {
        var cpu = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        long ticks = new[] { 1, 2, 3, 6, 7 }.Sum(i => long.Parse(cpu[i], System.Globalization.CultureInfo.InvariantCulture));
        return TimeSpan.FromSeconds(ticks / 100.0); // USER_HZ
    }

    private static string Name(int gateway) => $"gw-{gateway:D4}";

    /// <summary>
    /// Waits until the database holds <paramref name="count"/> events, or a minute passes without one
    /// more; returns how many it holds. Once a second: a count scans the table, and polling it often
    /// would take the CPU being measured.
    /// </summary>
    private static async Task<long> WaitForAsync(Npgsql.NpgsqlDataSource database, long count)
    {
        long stored, before = -1;
        var progress = Stopwatch.StartNew();
        while ((stored = await ScalarAsync<long>(database, "SELECT count(*) FROM gateway_events")) < count && progress.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (stored != before)
            {
                before = stored;
                progress.Restart();
            }

            await Task.Delay(1000);
        }

        return stored;
    }

    /// <summary>From <paramref name="start"/> to the moment the last row was written (each row's <c>received_at</c> is the clock at its insert).</summary>
    private static async Task<double> SecondsToLastRowAsync(Npgsql.NpgsqlDataSource database, DateTimeOffset start) =>
        (await ScalarAsync<DateTime>(database, "SELECT max(received_at) FROM gateway_events") - start.UtcDateTime).TotalSeconds;

    private static async Task<T> ScalarAsync<T>(Npgsql.NpgsqlDataSource database, string sql)
    {
        await using var command = database.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Every gateway's events in turn, as a district's broker sees them interleaved: signed, chained, passage-sized.</summary>
    private static (string Topic, byte[] Payload)[] Messages(GatewayKey[] keys, int events)
    {
        var prev = Enumerable.Repeat(EventChain.Genesis, keys.Length).ToArray();
        var messages = new (string, byte[])[events];
        for (int i = 0; i < events; i++)
        {
            int g = i % keys.Length;
            long seq = i / keys.Length + 1;
            var body = Encoding.UTF8.GetBytes($$"""{"schema":"gateedge.passage/4","id":"{{Guid.CreateVersion7()}}","seq":{{seq}},"prev":"{{prev[g]}}","time":"{{DateTimeOffset.UtcNow:O}}","compound":"c-{{g / 10}}","gate":"g-{{g}}","gateway":"{{Name(g)}}","lane":"lane1","direction":"in","mode":"unattended","credential":{"kind":"national-id","masked":"110105********{{seq % 10000:D4}}","sealed":null,"device":"lane1-idcard","readAt":"{{DateTimeOffset.UtcNow:O}}"},"person":{"ref":"R-{{seq}}","class":"resident","name":"张*"},"temperature":{"status":"normal","bodyC":36.6,"objectC":34.1,"ambientC":25.0,"device":"lane1-thermometer","readAt":"{{DateTimeOffset.UtcNow:O}}"},"mask":{"status":"not-checked","source":null},"outcome":"deny","rules":["R3"],"reasons":["not registered"],"reasonCodes":["not-registered"],"alarms":[],"guard":null,"devices":{} }""");
            prev[g] = EventChain.Hex(EventChain.Hash(body));
            messages[i] = ($"gateedge/v1/c-{g / 10}/g-{g}/{Name(g)}/event/passage", GatewayMessage.Signed(keys[g], body));
        }

        return messages;
    }

    private static async Task PublishAsync(int port, (string Topic, byte[] Payload)[] messages)
    {
        const int clients = 4, window = 256;
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async c =>
        {
            using var client = new MqttClientFactory().CreateMqttClient();
            await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).WithClientId($"bench-gateways-{c}").Build());
            var inFlight = new Queue<Task>();
            for (int i = c; i < messages.Length; i += clients)
            {
                if (inFlight.Count == window)
                {
                    await inFlight.Dequeue();
                }

                inFlight.Enqueue(client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(messages[i].Topic).WithPayload(messages[i].Payload)
                    .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build()));
            }

            await Task.WhenAll(inFlight);
            await client.DisconnectAsync();
        }));
    }

    /// <summary>The workers have created the tables; their subscriptions follow within a second of it.</summary>
    private static async Task WaitForSubscriptionsAsync(PrivatePostgres postgres)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            try
            {
                _ = Count(postgres);
                await Task.Delay(2000);
                return;
            }
            catch (InvalidOperationException)
            {
                await Task.Delay(200);
            }
        }

        throw new TimeoutException("the ingest workers did not create their tables within 60 s");
    }

    private static long Count(PrivatePostgres postgres) =>
        long.Parse(postgres.QueryAsync("centre", "SELECT count(*) FROM gateway_events").GetAwaiter().GetResult(), System.Globalization.CultureInfo.InvariantCulture);
}
