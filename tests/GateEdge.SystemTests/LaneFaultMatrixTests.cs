using GateEdge.SystemTests.Support;

namespace GateEdge.SystemTests;

/// <summary>
/// The fault matrix at the lane (docs/reliability.md): what the devices do wrong at start, on a
/// noisy line, and when people follow each other closely. Every person still gets a decision on
/// their own reading, and everything journalled reaches the centre.
/// </summary>
public sealed class LaneFaultMatrixTests : FaultMatrixTest
{
    [Fact]
    public async Task A_card_read_while_the_thermometer_warms_up_after_a_power_cut_waits_for_it_instead_of_being_refused()
    {
        // Power returns: the gateway and the devices start together, and the thermometer answers
        // only 0.8 s after it is first spoken to, while the reader reads the card on it at once.
        // Eight power cuts, each deciding one attempt.
        Gate.WriteGatewayConfig("""{ "DuplicateWindow": "00:00:00", "MaskRequired": false }""");
        Gate.WriteSteadyTrafficScript(after: "00:00:00", leave: "00:00:00.5", thermometerWarmUp: "00:00:00.8");
        await using var centre = await CentreSubscriber.ConnectAsync(Broker.Port);
        for (int start = 0; start < 8; start++)
        {
            long before = JournalProbe.Read(Gate.JournalPath).LastSeq;
            await using var simulator = Gate.StartSimulator();
            await simulator.WaitForLineAsync("ready", TimeSpan.FromSeconds(30));
            await using var gateway = Gate.StartGateway();
            await Eventually.True(() => JournalProbe.Read(Gate.JournalPath).LastSeq > before,
                () => $"a decision after power cut {start + 1}\n{gateway.Output}", TimeSpan.FromSeconds(30));
        }

        await using var last = Gate.StartGateway();
        await Delivery.AllDeliveredAsync(centre, Gate.JournalPath);

        Delivery.AssertCompleteAndOrdered(centre, Gate.JournalPath);
        Assert.DoesNotContain(centre.Passages, p => TemperatureStatus(p) == "device-unavailable");
        Report("power cut ×8: the thermometer answers 0.8 s after the card is read", centre, "no attempt refused for a thermometer still warming up");
    }

    [Fact]
    public async Task A_card_waiting_for_its_reading_when_the_service_stops_is_answered_and_recorded_before_it_exits()
    {
        // The person steps up to another lane's thermometer: the lane's own sees nobody, so the card waits for its reading.
        string config = Gate.WriteGatewayConfig("""{ "MaskRequired": false, "PairingWindow": "00:01:00" }""", voice: true);
        File.WriteAllText(config, File.ReadAllText(config).Replace(""" "SerialIrThermometers": [ """,
            $$""" "SerialIrThermometers": [ { "Name": "lane2-thermometer", "Port": "{{Gate.Links}}/lane2-thermometer" }, """, StringComparison.Ordinal));
        string script = Gate.WriteScript([(0, TestGate.BodyC(0), "00:00:00.5")], voice: true);
        File.WriteAllText(script, File.ReadAllText(script)
            .Replace("""{ "name": "lane1-voice",""", """{ "name": "lane2-thermometer", "kind": "serial-ir-thermometer" }, { "name": "lane1-voice",""", StringComparison.Ordinal)
            .Replace(""" "thermometer": "lane1-thermometer", """, """ "thermometer": "lane2-thermometer", """, StringComparison.Ordinal));
        await using var centre = await CentreSubscriber.ConnectAsync(Broker.Port);
        await using var simulator = Gate.StartSimulator();
        await simulator.WaitForLineAsync("ready", TimeSpan.FromSeconds(30));
        await using (var gateway = Gate.StartGateway())
        {
            await simulator.WaitForLineAsync("said: 已读卡，请正对测温区", TimeSpan.FromSeconds(60));
            Assert.Equal(0, await gateway.StopAsync(TimeSpan.FromSeconds(30))); // SIGTERM, as systemd stops it
            Assert.Contains(gateway.Lines, l => l.Contains("stopping with a card still waiting for its reading", StringComparison.Ordinal));
        }

        var (_, _, body) = Assert.Single(JournalProbe.Bodies(Gate.JournalPath), e => e.Kind == "passage");
        using var passage = System.Text.Json.JsonDocument.Parse(body);
        Assert.Equal("retest", passage.RootElement.GetProperty("outcome").GetString());
        Assert.Contains("no-reading", passage.RootElement.GetProperty("reasonCodes").EnumerateArray().Select(c => c.GetString()));
        await using var again = Gate.StartGateway();
        await Delivery.AllDeliveredAsync(centre, Gate.JournalPath);
        Delivery.AssertCompleteAndOrdered(centre, Gate.JournalPath);
        FaultReport.Row("the service stopped (SIGTERM) while a card waits for its reading", "1 lane, one card, its reading never taken", 1, centre.SeqCount, Delivery.Duplicates(centre), 1 - centre.SeqCount,
            "decided before the exit as a retest for want of a reading (the person asked to present again), recorded, delivered after the restart");
    }

    [Fact]
    public async Task A_stray_frame_header_on_the_reader_line_costs_a_poll_not_the_reader()
    {
        Gate.WriteGatewayConfig("""{ "DuplicateWindow": "00:00:00", "MaskRequired": false }""");
        // Noise in place of one reply that looks like the start of a 1,288-byte card-read reply.
        Gate.WriteSteadyTrafficScript(faults: """{ "device": "lane1-idcard", "fault": "stray-header", "at": "00:00:03", "for": "00:00:01" }""");
        await using var centre = await CentreSubscriber.ConnectAsync(Broker.Port);
        await using var gateway = Gate.StartGateway();
        await using var simulator = Gate.StartSimulator();
        await simulator.WaitForLineAsync("stray-header over", TimeSpan.FromSeconds(60));
        long atEnd = JournalProbe.Read(Gate.JournalPath).LastSeq;

        // A visit takes 0.7 s: the lane decides again within seconds, and the reader is never declared
        // offline (one waiting out the promised bytes misses every poll until it is, and is reopened).
        await Eventually.True(() => JournalProbe.Read(Gate.JournalPath).LastSeq >= atEnd + 3,
            () => $"decisions again after the stray header\n{gateway.Output}", TimeSpan.FromSeconds(8));
        await simulator.StopAsync(TimeSpan.FromSeconds(10));
        await Delivery.AllDeliveredAsync(centre, Gate.JournalPath);

        Delivery.AssertCompleteAndOrdered(centre, Gate.JournalPath);
        Assert.DoesNotContain(gateway.Lines, l => l.Contains("Device lane1-idcard on ", StringComparison.Ordinal) && l.Contains(" offline: ", StringComparison.Ordinal));
        Report("a stray frame header on the reader line", centre, "the reader stayed online; deciding again within 8 s");
    }

    [Fact]
    public async Task People_following_so_closely_that_the_sensor_never_sees_nobody_are_each_decided_on_their_own_reading()
    {
        Gate.WriteGatewayConfig("""{ "DuplicateWindow": "00:00:00", "MaskRequired": false }""");
        // The next person steps in as the last one steps out: no "nobody" frame between them.
        // Each stays half a second after their card is read, as people do while the gate opens.
        Gate.WriteSteadyTrafficScript(after: "00:00:00", leave: "00:00:00.5");
        await using var centre = await CentreSubscriber.ConnectAsync(Broker.Port);
        await using var gateway = Gate.StartGateway();
        await using var simulator = Gate.StartSimulator();
        await Eventually.True(() => centre.SeqCount >= 12, () => $"twelve decisions\n{gateway.Output}", TimeSpan.FromSeconds(40));
        await simulator.StopAsync(TimeSpan.FromSeconds(10));
        await Delivery.AllDeliveredAsync(centre, Gate.JournalPath);

        Delivery.AssertCompleteAndOrdered(centre, Gate.JournalPath);
        Assert.All(centre.Passages, p =>
        {
            int resident = Array.FindIndex(TestGate.Residents, r => r.IdNumber[^4..] == Resident(p)[^4..]);
            Assert.Equal(("allow", TestGate.BodyC(resident)), (p.GetProperty("outcome").GetString(), p.GetProperty("temperature").GetProperty("bodyC").GetDecimal()));
        });
        Report("back-to-back people, no \"nobody\" frame", centre, "each decided at once on their own reading");
    }

    [Fact]
    public async Task A_thermometer_frozen_at_a_normal_reading_is_judged_stuck_and_lets_no_fever_through_after_it()
    {
        // A head hung at 36.5 °C from the start, and six different people at real temperatures, every second one with a fever.
        Gate.WriteGatewayConfig("""{ "DuplicateWindow": "00:00:00", "MaskRequired": false, "StuckThermometerAfter": 4 }""");
        Gate.WriteScript(Enumerable.Range(0, TestGate.Residents.Length).Select(i => (i, i % 2 == 1 ? 38.4m : 36.6m, "00:00:00.3")), loop: true,
            measureTime: "00:00:00.3", leaveTime: "00:00:00.1",
            faults: """{ "device": "lane1-thermometer", "fault": "frozen", "at": "00:00:00", "for": "00:10:00" }""");
        await using var centre = await CentreSubscriber.ConnectAsync(Broker.Port);
        await using var gateway = Gate.StartGateway();
        await using var simulator = Gate.StartSimulator();
        await Eventually.True(() => centre.Passages.Count() >= 10, () => $"ten passages\n{gateway.Output}", TimeSpan.FromSeconds(60));
        await Eventually.True(() => centre.Events.Any(e => e.TryGetProperty("alarm", out var a) && a.GetString() == "thermometer-implausible"),
            "the alarm at the centre", TimeSpan.FromSeconds(15));
        await simulator.StopAsync(TimeSpan.FromSeconds(10));
        await Delivery.AllDeliveredAsync(centre, Gate.JournalPath);

        // The first three people are taken at the frozen value (nothing can tell yet); from the fourth on, nobody is.
        var passages = centre.Passages.OrderBy(p => p.GetProperty("seq").GetInt64()).ToList();
        Assert.All(passages.Take(3), p => Assert.Equal(("allow", "normal"), (Outcome(p), TemperatureStatus(p))));
        Assert.All(passages.Skip(3), p => Assert.Equal(("deny", "device-unavailable"), (Outcome(p), TemperatureStatus(p))));
        Assert.Contains(centre.Messages, m => m.Topic.EndsWith("/device/lane1-thermometer/status", StringComparison.Ordinal)
            && m.Payload.GetProperty("state").GetString() == "degraded");
        Delivery.AssertCompleteAndOrdered(centre, Gate.JournalPath);
        Report("a thermometer frozen at 36.5 °C, a fever every second person", centre,
            $"judged stuck at the 4th person (StuckThermometerAfter 4): {passages.Count - 3} people after it refused as a device fault, none admitted on its reading");
    }

    private static string? Outcome(System.Text.Json.JsonElement passage) => passage.GetProperty("outcome").GetString();
}
