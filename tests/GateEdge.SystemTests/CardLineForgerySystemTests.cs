using GateEdge.SystemTests.Support;

namespace GateEdge.SystemTests;

/// <summary>
/// A card whose text fields carry line breaks, a journald priority prefix, a terminal escape and
/// bidi overrides, read by the real gateway from the simulated reader over its pty (a reader whose
/// housing is open, or a forged card): a bad read, not a person, and nothing of it reaches the log
/// as raw control characters; the next resident is decided as usual.
/// </summary>
public sealed class CardLineForgerySystemTests : GateTest
{
    [Fact]
    public async Task A_foreign_card_forging_log_lines_is_a_bad_read_and_writes_no_raw_line()
    {
        Gate.WriteGatewayConfig();
        var resident = TestGate.Residents[0];
        File.WriteAllText(Path.Combine(Gate.Dir, "script.json"), $$"""
            {
              "devices": [ { "name": "lane1-idcard", "kind": "id-card-reader" }, { "name": "lane1-thermometer", "kind": "serial-ir-thermometer" } ],
              "people": [
                { "name": "Mallory\u202Egnp.exe", "idNumber": "ABC\n<0>X\nZ\u001b[2K12", "foreignResident": true },
                { "name": "{{resident.Name}}", "idNumber": "{{resident.IdNumber}}" }
              ],
              "visits": [
                { "person": "Mallory\u202Egnp.exe", "reader": "lane1-idcard", "thermometer": "lane1-thermometer", "bodyC": 36.6, "after": "00:00:00.2" },
                { "person": "{{resident.Name}}", "reader": "lane1-idcard", "thermometer": "lane1-thermometer", "bodyC": 36.6, "after": "00:00:01" }
              ],
              "faults": [], "loop": false, "measureTime": "00:00:00.6", "leaveTime": "00:00:00.4"
            }
            """);
        await using var centre = await CentreSubscriber.ConnectAsync(Broker.Port);
        await using var gateway = Gate.StartGateway();
        await using var simulator = Gate.StartSimulator();
        await simulator.WaitForLineAsync("script done", TimeSpan.FromSeconds(60));
        await Eventually.True(() => centre.Passages.Any(p => p.GetProperty("outcome").GetString() == "allow"), "the resident after the forged card allowed", TimeSpan.FromSeconds(30));

        Assert.True(gateway.Lines.Any(l => l.Contains("bad card read, ignored: the foreign permanent-resident number is not three letters and twelve digits", StringComparison.Ordinal)), gateway.Output);
        Assert.DoesNotContain(gateway.Lines, l => l.StartsWith("<0>", StringComparison.Ordinal) || l.StartsWith("Z", StringComparison.Ordinal));
        Assert.DoesNotContain(gateway.Lines, l => l.Any(c => c is '\u001b' or '\u202E' or '\u2028' or '\u2029'));
        Assert.DoesNotContain(centre.Passages, p => p.GetRawText().Contains("Mallory", StringComparison.Ordinal));
    }
}
