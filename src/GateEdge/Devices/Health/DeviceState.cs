namespace GateEdge.Devices.Health;

internal enum DeviceState
{
    /// <summary>Not yet opened since start: never counted as a pass.</summary>
    Unknown,
    Online,

    /// <summary>Answering, but recently with bad frames, garbage or missed replies: still used, worth a visit.</summary>
    Degraded,
    Offline,
}
