namespace GateEdge.Devices.Serial;

/// <summary>What every serial device entry in <c>Devices</c> has.</summary>
internal abstract class SerialDeviceOptions
{
    /// <summary>The name lanes use to refer to the device.</summary>
    public string Name { get; set; } = "";

    /// <summary>Device path; prefer <c>/dev/serial/by-id/…</c> or a udev symlink, which survive replugging.</summary>
    public string Port { get; set; } = "";

    public int BaudRate { get; set; }

    /// <summary>Replies missed in a row before the device counts as unplugged or hung. Default 3.</summary>
    public int MaxSilentPolls { get; set; } = 3;
}
