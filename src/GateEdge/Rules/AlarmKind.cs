namespace GateEdge.Rules;

internal enum AlarmKind
{
    /// <summary>A second reading at or above the fever line (R3).</summary>
    Fever,

    /// <summary>A device the decision needed was down or stale.</summary>
    DeviceUnavailable,
}
