namespace GateEdge.Devices.Serial;

/// <summary>What every serial device entry in <c>Devices</c> has.</summary>
internal abstract class SerialDeviceOptions : DeviceOptions
{
    /// <summary>Device path; prefer <c>/dev/serial/by-id/…</c> or a udev symlink, which survive replugging.</summary>
    public string Port { get; set; } = "";

    public int BaudRate { get; set; }
}
