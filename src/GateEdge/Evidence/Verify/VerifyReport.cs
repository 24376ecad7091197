namespace GateEdge.Evidence.Verify;

/// <summary>What <see cref="RecordVerifier"/> found: per gateway, the sequence range it holds, and every finding.</summary>
internal sealed record VerifyReport(long Messages, IReadOnlyList<VerifyReport.GatewaySummary> Gateways, IReadOnlyList<Finding> Findings)
{
    public bool Clean => !Findings.Any(f => f.Integrity);

    internal sealed record GatewaySummary(string Gateway, long FirstSeq, long LastSeq, int Events, int HarmlessRepeats, int Checkpoints);
}
