namespace GateEdge.Outputs.Gpio;

/// <summary>The relay and lamps of one lane, by GPIO line number.</summary>
internal sealed class LaneOutputOptions
{
    public string Lane { get; set; } = "";

    /// <summary>Line of the gate relay (lock release / turnstile enable).</summary>
    public int RelayPin { get; set; } = -1;

    /// <summary>How long the relay is held on an allow. Default 1 s, 100 ms–30 s.</summary>
    public TimeSpan PulseLength { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>True when the relay board switches on a low level (many opto-isolated boards do).</summary>
    public bool RelayActiveLow { get; set; }

    public int? GreenLampPin { get; set; }

    public int? RedLampPin { get; set; }

    /// <summary>How long a lamp shows an outcome. Default 3 s.</summary>
    public TimeSpan LampTime { get; set; } = TimeSpan.FromSeconds(3);
}
