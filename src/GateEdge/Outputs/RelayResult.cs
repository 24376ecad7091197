namespace GateEdge.Outputs;

/// <summary>
/// What the relay did about an opening, as its actuation record says it (<c>relay</c> in
/// <c>gateedge.actuation/1</c>, docs/mqtt.md): <c>pulsed</c>, <c>failed</c> with the problem,
/// <c>no-relay</c> (the gateway has no relay output wired; the opening is only logged), or
/// <c>not-confirmed</c> (the gateway stopped between recording the opening and recording this).
/// </summary>
internal readonly record struct RelayResult(string Relay, string? Problem)
{
    public static RelayResult Pulsed { get; } = new("pulsed", null);

    public static RelayResult NoRelay { get; } = new("no-relay", null);

    /// <summary>Not an opening: the lamps and buzzer said no, the relay stayed shut.</summary>
    public static RelayResult Shut { get; } = new("shut", null);

    public static RelayResult NotConfirmed { get; } = new("not-confirmed",
        "the gateway stopped between recording this opening and recording what the relay did; the gate most likely did not open");

    public static RelayResult Failed(string problem) => new("failed", problem);
}
