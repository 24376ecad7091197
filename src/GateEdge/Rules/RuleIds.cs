namespace GateEdge.Rules;

/// <summary>
/// The rule catalogue of docs/rules.md; every decision names rules from this list only. R2 (record
/// before acting) names no decision: it is the order of work in <c>Outputs/GateActuator</c>.
/// </summary>
internal static class RuleIds
{
    public const string Identity = "R1";
    public const string Temperature = "R3";
    public const string Mask = "R4";
    public const string Quarantine = "R5";
    public const string KeyGroup = "R6";
    public const string ExitLimit = "R7";
}
