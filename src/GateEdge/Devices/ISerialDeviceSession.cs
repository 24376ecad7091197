using GateEdge.Devices.Serial;

namespace GateEdge.Devices;

/// <summary>
/// The conversation with one device over an open serial line. It runs until the device fails,
/// throwing a <see cref="DeviceException"/>; the supervisor then reopens the port.
/// </summary>
internal interface ISerialDeviceSession
{
    string Device { get; }

    Task RunAsync(SerialLine line, DeviceLink link, CancellationToken cancellationToken);
}
