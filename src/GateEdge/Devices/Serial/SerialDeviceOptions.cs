using System.ComponentModel.DataAnnotations;

namespace GateEdge.Devices.Serial;

/// <summary>What every serial device entry in <c>Devices</c> has.</summary>
internal abstract class SerialDeviceOptions : DeviceOptions
{
    /// <summary>Device path; prefer <c>/dev/serial/by-id/…</c> or a udev symlink, which survive replugging.</summary>
    public string Port { get; set; } = "";

    /// <summary>The line speed: one a UART adapter offers (11520 is a typo for 115200, not a speed). Linux's termios codes for them are in <c>TtyPort.Speed</c>.</summary>
    [AllowedValues(1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200, 230400, 460800, 921600)]
    public int BaudRate { get; set; }
}
