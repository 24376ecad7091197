using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using GateEdge.SystemTests.Support;

namespace GateEdge.SystemTests;

/// <summary>
/// The fault matrix of docs/reliability.md: the clock, the broker and the disk misbehave under
/// steady traffic, and each test holds the gate to the same promises: every journalled event
/// reaches the centre, repeats only where MQTT's at-least-once allows them, no person goes without
/// a decision, and recovery comes within its bound. Each writes its row of the table
/// (see <see cref="FaultReport"/>). The faults at the lane's devices are in <see cref="LaneFaultMatrixTests"/>.
/// </summary>
public sealed class FaultMatrixTests : FaultMatrixTest
{
    [Fact]
    public async Task A_wall_clock_set_back_an_hour_hides_no_one()
    {
        // The default duplicate window (3 s) is what a stepped clock used to break.
        Gate.WriteGatewayConfig("""{ "MaskRequired": false }""");
        Gate.WriteSteadyTrafficScript();
        var clock = FakeClock.In(Gate.Dir);
        await using var centre = await CentreSubscriber.ConnectAsync(Broker.Port);
        await using var gateway = Gate.StartGateway(clock.Environment);
        await using var simulator = Gate.StartSimulator();
        await Eventually.True(() => centre.SeqCount >= 8, () => $"traffic before the step\n{gateway.Output}", TimeSpan.FromSeconds(60));

        var lastBefore = centre.Passages.Max(Time);
        clock.Set("-1h");
        var stopwatch = Stopwatch.StartNew();
        IEnumerable<JsonElement> AfterStep() => centre.Passages.Where(p => Time(p) < lastBefore - TimeSpan.FromMinutes(50));
        await Eventually.True(() => AfterStep().Select(Resident).Distinct().Count() == TestGate.Residents.Length,
            () => $"every resident decided after the step; so far {string.Join(", ", AfterStep().Select(Resident).Distinct())}", TimeSpan.FromSeconds(30));
        var recovered = stopwatch.Elapsed;
        await simulator.StopAsync(TimeSpan.FromSeconds(10));
        await Delivery.AllDeliveredAsync(centre, Gate.JournalPath);

        Delivery.AssertCompleteAndOrdered(centre, Gate.JournalPath);
        Assert.DoesNotContain(AfterStep(), p => p.GetProperty("outcome").GetString() != "allow");
        Report("wall clock set back 1 h", centre, $"every resident decided within {recovered.TotalSeconds:0.0} s of the step");
    }

    [Fact]
    public async Task A_broker_that_accepts_and_never_answers_is_left_within_the_timeout_and_said_so()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var accepted = new System.Collections.Concurrent.ConcurrentQueue<TcpClient>();
        _ = Task.Run(async () =>
        {
            while (true)
            {
                accepted.Enqueue(await silent.AcceptTcpClientAsync());
            }
        });
        // A gate of its own, pointed at the silent listener instead of the test broker.
        using var gate = new TestGate(((IPEndPoint)silent.LocalEndpoint).Port);
        gate.WriteGatewayConfig(mqtt: """ "Timeout": "00:00:02" """);
        gate.WriteSteadyTrafficScript();
        await using var gateway = gate.StartGateway();
        await using var simulator = gate.StartSimulator();

        // Each attempt is abandoned and a new one made: the listener sees them come; the log says why, once for the outage.
        const string Said = "the broker did not answer the connection within 2 s";
        await Eventually.True(() => accepted.Count >= 3, () => $"three connection attempts, each abandoned after 2 s\n{gateway.Output}", TimeSpan.FromSeconds(40));
        Assert.Single(gateway.Lines, l => l.Contains(Said, StringComparison.Ordinal) && l.Contains("attempt 1,", StringComparison.Ordinal));
        var (journalled, undelivered) = JournalProbe.Read(gate.JournalPath);
        Assert.True(journalled > 0, "the gate kept deciding");
        FaultReport.Row("broker accepts TCP, never answers", Load, journalled, 0, 0, 0, $"each connection attempt left after 2 s (Mqtt.Timeout), {accepted.Count} in the test; {undelivered} events held for the centre");
    }

    [Fact]
    public async Task A_frozen_broker_is_left_and_delivery_resumes_once_it_answers_again()
    {
        Gate.WriteGatewayConfig("""{ "DuplicateWindow": "00:00:00", "MaskRequired": false }""", mqtt: """ "KeepAlive": "00:00:03", "Timeout": "00:00:03" """);
        Gate.WriteSteadyTrafficScript();
        await using var centre = await CentreSubscriber.ConnectAsync(Broker.Port);
        await using var gateway = Gate.StartGateway();
        await using var simulator = Gate.StartSimulator();
        await Eventually.True(() => centre.SeqCount >= 5, "traffic before the freeze", TimeSpan.FromSeconds(60));

        Broker.Freeze();
        await Eventually.True(() => gateway.Lines.Any(l => l.Contains("did not a", StringComparison.Ordinal) || l.Contains("unavailable", StringComparison.Ordinal)),
            () => $"the gateway to notice the frozen broker\n{gateway.Output}", TimeSpan.FromSeconds(30));
        Broker.Thaw();
        var stopwatch = Stopwatch.StartNew();
        long decided = JournalProbe.Read(Gate.JournalPath).LastSeq;
        await Eventually.True(() => centre.SeqCount >= decided, () => $"the events decided while frozen at the centre ({centre.SeqCount} of {decided})", TimeSpan.FromSeconds(30));
        var recovered = stopwatch.Elapsed;
        await simulator.StopAsync(TimeSpan.FromSeconds(10));
        await Delivery.AllDeliveredAsync(centre, Gate.JournalPath);

        Delivery.AssertCompleteAndOrdered(centre, Gate.JournalPath);
        Report("broker frozen (SIGSTOP) until noticed", centre, $"backlog at the centre {recovered.TotalSeconds:0.0} s after it answers again");
    }

    [Fact]
    public async Task Delivery_resumes_within_seconds_of_a_long_absent_broker_returning()
    {
        Gate.WriteGatewayConfig("""{ "DuplicateWindow": "00:00:00", "MaskRequired": false }""");
        Gate.WriteSteadyTrafficScript();
        await using var centre = await CentreSubscriber.ConnectAsync(Broker.Port);
        await using var gateway = Gate.StartGateway();
        await using var simulator = Gate.StartSimulator();
        await Eventually.True(() => centre.SeqCount >= 5, "traffic before the outage", TimeSpan.FromSeconds(60));

        await Broker.StopAsync();
        // Long enough for any backoff to reach its cap.
        await Task.Delay(TimeSpan.FromSeconds(40));
        long decided = JournalProbe.Read(Gate.JournalPath).LastSeq;
        await Broker.RestartAsync();
        var stopwatch = Stopwatch.StartNew();
        await Eventually.True(() => centre.SeqCount >= decided, () => $"the backlog at the centre ({centre.SeqCount} of {decided})", TimeSpan.FromSeconds(30));
        var recovered = stopwatch.Elapsed;
        await simulator.StopAsync(TimeSpan.FromSeconds(10));
        await Delivery.AllDeliveredAsync(centre, Gate.JournalPath);

        Delivery.AssertCompleteAndOrdered(centre, Gate.JournalPath);
        // The 5 s reconnect cap, the connection itself, and a busy machine's slack.
        Assert.True(recovered < TimeSpan.FromSeconds(10), $"delivery resumed {recovered.TotalSeconds:0.0} s after the broker returned");
        Report("broker down 40 s", centre, $"backlog at the centre {recovered.TotalSeconds:0.0} s after the broker returns");
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task A_full_disk_with_a_backlog_is_reported_everywhere_and_neither_storms_the_broker_nor_repeats_events()
    {
        using var disk = SmallDisk.Mount(16);
        Gate.StateDirectory = disk.Path;
        int port = Loopback.FreePort();
        Gate.WriteGatewayConfig("""{ "DuplicateWindow": "00:00:00", "MaskRequired": false }""", statusPage: $$"""{ "Listen": "http://127.0.0.1:{{port}}" }""");
        Gate.WriteSteadyTrafficScript();
        await using var centre = await CentreSubscriber.ConnectAsync(Broker.Port);
        await using var gateway = Gate.StartGateway();
        await using var simulator = Gate.StartSimulator();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        await Eventually.True(() => centre.SeqCount >= 5, () => $"traffic before the outage\n{gateway.Output}", TimeSpan.FromSeconds(60));

        // A backlog builds while the broker is away; then the disk fills and the broker returns.
        await Broker.StopAsync();
        await Eventually.True(() => JournalProbe.Read(Gate.JournalPath).Undelivered >= 5, "a backlog", TimeSpan.FromSeconds(30));
        disk.Fill();
        await Broker.RestartAsync();
        int connectsBefore = Connects(gateway);
        await Eventually.True(async () => (await http.GetAsync("/healthz")).StatusCode == HttpStatusCode.ServiceUnavailable,
            () => $"/healthz to say the journal cannot record\n{gateway.Output}", TimeSpan.FromSeconds(30));
        Assert.Equal("cannot record attempts: the disk is full\n", await (await http.GetAsync("/healthz")).Content.ReadAsStringAsync());
        await Eventually.True(() => centre.Messages.Any(m => m.Topic.EndsWith("/status", StringComparison.Ordinal) && !m.Topic.Contains("/device/", StringComparison.Ordinal)
                && m.Payload.GetProperty("recordingProblem").GetString() == "the disk is full"),
            "the retained status to name the full disk", TimeSpan.FromSeconds(30));
        // Twenty seconds of refused attempts: one connection, held.
        var full = Stopwatch.StartNew();
        await Eventually.True(() => full.Elapsed > TimeSpan.FromSeconds(20), "twenty seconds of a full disk", TimeSpan.FromSeconds(30));
        Assert.InRange(Connects(gateway) - connectsBefore, 0, 1);
        Assert.Equal(0, Delivery.Duplicates(centre));

        // R2 at the gate: from the first refused attempt on (one lane decides in order), the relay never moved.
        var lines = gateway.Lines.ToArray();
        int firstRefused = Array.FindIndex(lines, l => l.Contains("could not be recorded, the gate stays shut (R2)", StringComparison.Ordinal));
        Assert.True(firstRefused >= 0, "attempts were refused while the disk was full");
        Assert.DoesNotContain(lines[firstRefused..], l => l.Contains("relay pulse", StringComparison.Ordinal));

        disk.Free();
        var freed = Stopwatch.StartNew();
        await Eventually.True(async () => (await http.GetAsync("/healthz")).StatusCode == HttpStatusCode.OK, "/healthz ok once the disk has room", TimeSpan.FromSeconds(30));
        var recovered = freed.Elapsed;
        await simulator.StopAsync(TimeSpan.FromSeconds(10));
        await Delivery.AllDeliveredAsync(centre, Gate.JournalPath);

        Delivery.AssertCompleteAndOrdered(centre, Gate.JournalPath);
        Assert.Equal(0, Delivery.Duplicates(centre));
        Assert.Contains(gateway.Lines, l => l.Contains("Cannot record attempts: the disk is full", StringComparison.Ordinal));
        await gateway.StopAsync(TimeSpan.FromSeconds(10));
        Report("disk full 20 s, with a backlog and the broker returning", centre,
            $"{Connects(gateway) - connectsBefore} connection while full (the broker returning), held; recording again {recovered.TotalSeconds:0.0} s after space is freed");
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task A_read_only_state_folder_is_a_start_error_naming_the_folder_and_the_fix()
    {
        using var disk = SmallDisk.Mount(16);
        Gate.StateDirectory = Path.Combine(disk.Path, "state");
        disk.RemountReadOnly();
        Gate.WriteGatewayConfig();

        await using var gateway = Gate.StartGateway();

        Assert.Equal(2, await gateway.ExitCodeAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains(gateway.Lines, l => l.Contains($"Gateway.StateDirectory: {Gate.StateDirectory} cannot be created", StringComparison.Ordinal));
        Assert.DoesNotContain(gateway.Lines, l => l.Contains("   at ", StringComparison.Ordinal));
    }
}
