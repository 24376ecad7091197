namespace GateEdge.Common;

/// <summary>Who this gateway is, bound from <c>Gateway</c>. Each id becomes one MQTT topic level.</summary>
internal sealed class GatewayOptions
{
    public string Id { get; set; } = "";

    public string CompoundId { get; set; } = "";

    public string GateId { get; set; } = "";

    /// <summary>Where the journal and other state live; relative to the configuration file.</summary>
    public string StateDirectory { get; set; } = "state";

    /// <summary>
    /// A file that exists while the clock is synchronised (systemd-timesyncd's
    /// <c>/run/systemd/timesync/synchronized</c>), for a time service that keeps no kernel flag;
    /// null: the kernel's flag is asked. Relative to the configuration file.
    /// </summary>
    public string? ClockSynchronisedFlag { get; set; }
}
