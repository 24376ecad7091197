namespace GateEdge.Devices.Inputs;

/// <summary>The mask detector's verdict changed: a mask is seen now, or no longer.</summary>
internal sealed record MaskSignal(string Device, bool MaskSeen, DateTimeOffset At);

internal enum GuardKey
{
    Confirm,
    Deny,
}

/// <summary>The guard pressed a key.</summary>
internal sealed record GuardKeyPressed(string Device, GuardKey Key, DateTimeOffset At);
