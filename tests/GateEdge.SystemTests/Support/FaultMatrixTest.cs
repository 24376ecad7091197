using System.Text.Json;

namespace GateEdge.SystemTests.Support;

/// <summary>What every fault-matrix test shares: its load, how it reads a passage, and its row of the table.</summary>
public abstract class FaultMatrixTest : GateTest
{
    private protected const string Load = "1 lane, a card and reading every 0.7 s";

    private protected static DateTimeOffset Time(JsonElement passage) => passage.GetProperty("time").GetDateTimeOffset();

    private protected static string Resident(JsonElement passage) => passage.GetProperty("credential").GetProperty("masked").GetString()!;

    private protected static string TemperatureStatus(JsonElement passage) => passage.GetProperty("temperature").GetProperty("status").GetString()!;

    private protected static int Connects(ChildProcess gateway) => gateway.Lines.Count(l => l.Contains("Connected to the broker", StringComparison.Ordinal));

    /// <summary>Writes the test's row once everything journalled was delivered (so "lost" is what never arrived).</summary>
    private protected void Report(string fault, CentreSubscriber centre, string recovery)
    {
        long journalled = JournalProbe.Read(Gate.JournalPath).LastSeq;
        FaultReport.Row(fault, Load, journalled, centre.SeqCount, Delivery.Duplicates(centre), journalled - centre.SeqCount, recovery);
    }
}
