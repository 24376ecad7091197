using System.ComponentModel.DataAnnotations;
using GateEdge.Common;

namespace GateEdge.Outputs.Gpio;

/// <summary>The relay, lamps and buzzer of one lane, by GPIO line number.</summary>
internal sealed class LaneOutputOptions
{
    public string Lane { get; set; } = "";

    /// <summary>Line of the gate relay (lock release / turnstile enable).</summary>
    [Range(0, 65535)]
    public int RelayPin { get; set; } = -1;

    /// <summary>How long the relay is held on an allow. Default 1 s, 100 ms–30 s.</summary>
    [DurationRange("00:00:00.1", "00:00:30")]
    public TimeSpan PulseLength { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>True when the relay board switches on a low level (many opto-isolated boards do).</summary>
    public bool RelayActiveLow { get; set; }

    /// <summary>
    /// <c>FailSecure</c> (an electric strike: the relay is energised to open; the default) or
    /// <c>FailSafe</c> (a magnetic lock: the relay is energised to hold the gate shut and released
    /// to open, so the gate opens when power fails, as fire codes require).
    /// </summary>
    public LockType Lock { get; set; } = LockType.FailSecure;

    /// <summary>Line of the buzzer, sounded on every outcome but allow.</summary>
    [Range(0, 65535)]
    public int? BuzzerPin { get; set; }

    /// <summary>How long the buzzer sounds. Default 400 ms, 50 ms–10 s.</summary>
    [DurationRange("00:00:00.05", "00:00:10")]
    public TimeSpan BuzzTime { get; set; } = TimeSpan.FromMilliseconds(400);

    [Range(0, 65535)]
    public int? GreenLampPin { get; set; }

    [Range(0, 65535)]
    public int? RedLampPin { get; set; }

    /// <summary>How long a lamp shows an outcome. Default 3 s, 100 ms–1 min.</summary>
    [DurationRange("00:00:00.1", "00:01:00")]
    public TimeSpan LampTime { get; set; } = TimeSpan.FromSeconds(3);
}

internal enum LockType
{
    FailSecure,
    FailSafe,
}
