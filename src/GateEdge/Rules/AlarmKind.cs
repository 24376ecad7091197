namespace GateEdge.Rules;

internal enum AlarmKind
{
    /// <summary>A second reading at or above the fever line (R3).</summary>
    Fever,

    /// <summary>A device the decision needed was down or stale.</summary>
    DeviceUnavailable,

    /// <summary>A person on the quarantine list tried to leave, or came in (R5): community staff are told.</summary>
    Quarantine,

    /// <summary>A person on the key-group watch list passed the gate (R6): community staff are told.</summary>
    KeyGroup,
}
