namespace GateEdge.Rules;

/// <summary>
/// The four outcomes of docs/rules.md, declared from least to most restrictive: when rules
/// disagree, the most restrictive one stands.
/// </summary>
internal enum Outcome
{
    Allow,
    Retest,
    Refer,
    Deny,
}
