namespace GateEdge.Status;

/// <summary>Bound from <c>StatusPage</c>: the technician's live page, <c>/healthz</c> and <c>/metrics</c>.</summary>
internal sealed class StatusPageOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>Where the page listens. Loopback by default: reach it over SSH port forwarding, or bind the LAN with a token.</summary>
    public string Listen { get; set; } = "http://127.0.0.1:8780";

    /// <summary>File holding the access token; required when <see cref="Listen"/> is not a loopback address. Everything but <c>/healthz</c> then needs it.</summary>
    public string? TokenFile { get; set; }
}
