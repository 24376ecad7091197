namespace GateEdge.Devices;

/// <summary>
/// One connection to one device, from opening its transport until it fails: it throws a
/// <see cref="DeviceException"/> then, and the <see cref="DeviceSupervisor"/> starts another.
/// </summary>
internal interface IDeviceSession
{
    string Device { get; }

    /// <summary>Where the device is attached, for the log: a port path, an I²C bus, GPIO lines.</summary>
    string Address { get; }

    Task RunAsync(DeviceLink link, CancellationToken cancellationToken);
}
