using System.ComponentModel.DataAnnotations;
using GateEdge.Common;
using GateEdge.Devices.Serial;

namespace GateEdge.Devices.CardReaders.Pn532;

/// <summary>
/// A PN532 NFC reader in HSU (serial) mode, an entry of <c>Devices:Pn532Readers</c>. The
/// Iot.Device.Bindings driver opens the port itself, always at 115200 8N1.
/// </summary>
internal sealed class Pn532ReaderOptions : SerialDeviceOptions
{
    public const int HsuBaudRate = 115200;

    public Pn532ReaderOptions() => BaudRate = HsuBaudRate;

    /// <summary>Pause between looks for a card. Default 250 ms.</summary>
    [DurationRange("00:00:00.05", "00:00:05")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(250);
}
