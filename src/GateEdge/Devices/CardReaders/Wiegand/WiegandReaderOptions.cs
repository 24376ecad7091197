using System.ComponentModel.DataAnnotations;
using GateEdge.Common;
using GateEdge.Devices.CardReaders.Wiegand.Protocol;

namespace GateEdge.Devices.CardReaders.Wiegand;

/// <summary>
/// A Wiegand 26/34 reader on two GPIO input lines of the chip named in <c>Outputs</c>, an entry of
/// <c>Devices:WiegandReaders</c>. The reader's 5 V lines need a level shifter to a 3.3 V board.
/// </summary>
internal sealed class WiegandReaderOptions : DeviceOptions
{
    /// <summary>GPIO line of DATA0 (green wire).</summary>
    [Range(0, 65535)]
    public int D0Line { get; set; } = -1;

    /// <summary>GPIO line of DATA1 (white wire).</summary>
    [Range(0, 65535)]
    public int D1Line { get; set; } = -1;

    /// <summary>Idle time that ends a frame. Default 25 ms (docs/protocols.md §2.1).</summary>
    [DurationRange("00:00:00.005", "00:00:00.5")]
    public TimeSpan FrameGap { get; set; } = WiegandBitAssembler.DefaultFrameGap;
}
