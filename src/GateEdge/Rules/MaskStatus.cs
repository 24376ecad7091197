namespace GateEdge.Rules;

/// <summary>What the lane knew about the person's mask when it decided (docs/rules.md, R4).</summary>
internal enum MaskStatus
{
    /// <summary>The lane has no mask source.</summary>
    NotChecked,
    Worn,
    NotWorn,

    /// <summary>The lane's mask detector is down: never a pass.</summary>
    DeviceUnavailable,
}
