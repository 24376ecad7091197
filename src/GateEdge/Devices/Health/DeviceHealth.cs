namespace GateEdge.Devices.Health;

/// <summary>The health of one configured device at one moment.</summary>
internal sealed record DeviceHealth(string Device, DeviceState State, string? Reason, DateTimeOffset Since)
{
    public bool IsAvailable => State == DeviceState.Online;
}
