namespace GateEdge.Outputs.Gpio;

/// <summary>Bound from <c>Outputs</c>: how the lanes' relays and lamps are driven.</summary>
internal sealed class GpioOutputOptions
{
    public const string LogDriver = "Log";
    public const string ChipDriver = "Chip";
    public const string SimulatedDriver = "Simulated";

    /// <summary><c>Log</c> (no GPIO: relay commands are only logged; the default), <c>Chip</c> (a GPIO chip via libgpiod) or <c>Simulated</c> (in memory).</summary>
    public string Driver { get; set; } = LogDriver;

    /// <summary>The gpiochip number for <c>Chip</c>. Default 0.</summary>
    public int Chip { get; set; }

    public List<LaneOutputOptions> Lanes { get; set; } = [];
}
