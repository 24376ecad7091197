namespace GateEdge.Rules;

/// <summary>What one rule said about one attempt, with the reason a community officer reads.</summary>
internal sealed record RuleVerdict(string Rule, Outcome Outcome, string Reason);
