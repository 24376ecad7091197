using GateEdge.Devices.Framing;

namespace GateEdge.Devices.Bus;

/// <summary>
/// A device on a shared line as its supervisor sees it: the session joins the port's bus and lasts
/// until the device or the port fails. Its health, counters and reconnection stay its own.
/// </summary>
internal sealed class BusMemberSession<TFrame>(SerialBuses buses, string port, int baudRate, Func<IFrameDecoder<TFrame>> decoder, IBusMember<TFrame> member)
    : IDeviceSession where TFrame : class
{
    public string Device => member.Device;

    public string Address => port;

    public Task RunAsync(DeviceLink link, CancellationToken cancellationToken) =>
        buses.For(port, baudRate, decoder).AttachAsync(member, link, cancellationToken);
}
