namespace GateEdge.Rules;

/// <summary>What a guard decided on a referred passage.</summary>
internal enum GuardVerdict
{
    Allow,
    Deny,

    /// <summary>No key within the time allowed: the gate stays shut.</summary>
    Expired,
}
