namespace GateEdge.Common;

/// <summary>Who this gateway is, bound from <c>Gateway</c>. Each id becomes one MQTT topic level.</summary>
internal sealed class GatewayOptions
{
    public string Id { get; set; } = "";

    public string CompoundId { get; set; } = "";

    public string GateId { get; set; } = "";

    /// <summary>Where the journal and other state live; relative to the configuration file.</summary>
    public string StateDirectory { get; set; } = "state";
}
