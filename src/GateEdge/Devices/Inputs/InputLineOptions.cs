using System.ComponentModel.DataAnnotations;
using GateEdge.Common;

namespace GateEdge.Devices.Inputs;

/// <summary>What every GPIO input device has: its lines' polarity and how long a level must hold to count.</summary>
internal abstract class InputLineOptions : DeviceOptions
{
    /// <summary>True when the signal is active at a low level (a contact to ground with a pull-up).</summary>
    public bool ActiveLow { get; set; }

    /// <summary>A level counts once it has held this long: contacts bounce. Default 50 ms.</summary>
    [DurationRange("00:00:00.001", "00:00:00.5")]
    public TimeSpan Debounce { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>The lines this device reads, in the order its session reports them.</summary>
    public abstract IReadOnlyList<int> Lines { get; }
}

/// <summary>
/// A mask-detection unit's "mask seen" output on one GPIO line, an entry of <c>Devices:MaskDetectors</c>:
/// active while the person in front wears a mask (docs/rules.md, R4).
/// </summary>
internal sealed class MaskDetectorOptions : InputLineOptions
{
    [Range(0, 65535)]
    public int Line { get; set; } = -1;

    public override IReadOnlyList<int> Lines => [Line];
}

/// <summary>
/// The enclosure's tamper switch on one GPIO line, an entry of <c>Devices:TamperInputs</c>:
/// active while the box is open. Wired as a contact to ground that the closed lid holds shut,
/// with a pull-up, the line reads high when the lid opens or the wire is cut: active high by
/// default, so both count.
/// </summary>
internal sealed class TamperInputOptions : InputLineOptions
{
    [Range(0, 65535)]
    public int Line { get; set; } = -1;

    public override IReadOnlyList<int> Lines => [Line];
}

/// <summary>
/// The guard's confirm and deny keys on two GPIO lines, an entry of <c>Devices:GuardKeypads</c>.
/// Keys are usually contacts to ground, hence active low by default.
/// </summary>
internal sealed class GuardKeypadOptions : InputLineOptions
{
    public GuardKeypadOptions() => ActiveLow = true;

    [Range(0, 65535)]
    public int ConfirmLine { get; set; } = -1;

    [Range(0, 65535)]
    public int DenyLine { get; set; } = -1;

    public override IReadOnlyList<int> Lines => [ConfirmLine, DenyLine];
}
