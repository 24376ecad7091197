namespace GateEdge.Commands;

/// <summary>Bound from <c>Commands</c>: how commands from the centre are authenticated.</summary>
internal sealed class CommandOptions
{
    /// <summary>File holding the shared HMAC key (any bytes, ideally 32 random ones). Without it, commands that act on the gate are refused.</summary>
    public string? KeyFile { get; set; }

    /// <summary>How far a command's <c>issuedAt</c> may be from the gateway's clock. Default 60 s, 5 s–10 min.</summary>
    public TimeSpan MaxClockSkew { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Largest command payload accepted. Default 4096 bytes.</summary>
    public int MaxPayloadBytes { get; set; } = 4096;

    /// <summary>Largest <c>config</c> command payload accepted (it carries a whole configuration file). Default 65536 bytes.</summary>
    public int MaxConfigPayloadBytes { get; set; } = 65536;

    /// <summary>
    /// How long a gateway started with a pushed configuration has to reach the broker before it
    /// goes back to the previous configuration. Default 2 minutes, 10 s–30 min.
    /// </summary>
    public TimeSpan ConfigProbation { get; set; } = TimeSpan.FromMinutes(2);
}
