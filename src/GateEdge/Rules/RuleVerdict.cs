namespace GateEdge.Rules;

/// <summary>
/// What one rule said about one attempt: the reason a community officer reads, its stable code,
/// and for a rest before a retest, how many seconds are left (what the lane tells the person).
/// </summary>
internal sealed record RuleVerdict(string Rule, Outcome Outcome, ReasonCode Code, string Reason, int? RestSeconds = null);
