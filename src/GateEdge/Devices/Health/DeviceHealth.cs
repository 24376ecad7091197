namespace GateEdge.Devices.Health;

/// <summary>The health of one configured device at one moment.</summary>
internal sealed record DeviceHealth(string Device, DeviceState State, string? Reason, DateTimeOffset Since, DeviceCounters? Counters = null)
{
    /// <summary>A degraded device still delivers frames that passed their checks, so the lane keeps using it.</summary>
    public bool IsAvailable => State is DeviceState.Online or DeviceState.Degraded;
}
