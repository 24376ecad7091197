namespace GateEdge.Devices.Gpio;

/// <summary>Where pulse lines come from: the kernel's GPIO character device, or the simulated chip.</summary>
internal interface IPulseLineSource
{
    /// <summary>Requests <paramref name="zeroLine"/> and <paramref name="oneLine"/> as inputs with falling-edge events; throws <see cref="DeviceDisconnectedException"/> when it cannot.</summary>
    IPulseLines Open(int zeroLine, int oneLine, string consumer);
}
