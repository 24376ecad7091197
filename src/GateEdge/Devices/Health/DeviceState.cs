namespace GateEdge.Devices.Health;

internal enum DeviceState
{
    /// <summary>Not yet opened since start: never counted as a pass.</summary>
    Unknown,
    Online,
    Offline,
}
