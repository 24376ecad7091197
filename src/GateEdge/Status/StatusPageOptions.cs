namespace GateEdge.Status;

/// <summary>Bound from <c>StatusPage</c>: the technician's live page, <c>/healthz</c> and <c>/metrics</c>.</summary>
internal sealed class StatusPageOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>Where the page listens. Loopback by default: reach it over SSH port forwarding, or bind the LAN with a token.</summary>
    public string Listen { get; set; } = "http://127.0.0.1:8780";

    /// <summary>
    /// File holding the access token (at least 16 characters); required when <see cref="Listen"/> is
    /// not a loopback address. Everything but <c>/healthz</c> then needs it, in an
    /// <c>Authorization: Bearer</c> header or the cookie that <c>/login</c> sets.
    /// </summary>
    public string? TokenFile { get; set; }

    /// <summary>
    /// File holding the lane displays' token (at least 16 characters, not the status page's): it opens
    /// the lane pages (<c>/lane/{id}</c>) and nothing else, for a tablet on the gate's network.
    /// </summary>
    public string? DisplayTokenFile { get; set; }

    /// <summary>
    /// Host names the page answers to, besides <c>localhost</c>, <c>127.0.0.1</c>, <c>[::1]</c> and the host of
    /// <see cref="Listen"/>. A request naming any other host is refused, so a web page elsewhere
    /// cannot read the status page through a DNS name it points at this box.
    /// </summary>
    public List<string> AllowedHosts { get; set; } = [];

    /// <summary>
    /// The page's language, <c>zh-CN</c> (the guards' and property staff's) or <c>en</c>; a link on the
    /// page switches one browser to the other (<c>/?lang=en</c>). Times are local, on a 24-hour clock.
    /// </summary>
    public string Language { get; set; } = "zh-CN";
}
