namespace GateEdge.Rules;

/// <summary>What an unattended lane does with an ID card that is not registered (R1).</summary>
internal enum VisitorPolicy
{
    Deny,

    /// <summary>The visitor is recorded and still screened by every other rule.</summary>
    Admit,
}
