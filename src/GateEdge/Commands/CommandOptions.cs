using System.ComponentModel.DataAnnotations;
using GateEdge.Common;

namespace GateEdge.Commands;

/// <summary>Bound from <c>Commands</c>: how what the centre sends (commands, lists, persons) is authenticated and bounded.</summary>
internal sealed class CommandOptions
{
    /// <summary>
    /// The centre's public signing keys (ECDSA P-256): one, or two while the centre rotates. Every
    /// command and update must be signed by one of them; without any, the gateway accepts nothing
    /// from the centre and decides on its seed file.
    /// </summary>
    public List<Trust.CentreKeyOptions> CentreKeys { get; set; } = [];

    /// <summary>How far a command's <c>issuedAt</c> may be from the gateway's clock. Default 60 s, 5 s–10 min.</summary>
    [DurationRange("00:00:05", "00:10:00")]
    public TimeSpan MaxClockSkew { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Largest command payload accepted. Default 4096 bytes.</summary>
    [Range(256, 65536)]
    public int MaxPayloadBytes { get; set; } = 4096;

    /// <summary>Largest <c>config</c> command payload accepted (it carries a whole configuration file). Default 65536 bytes.</summary>
    [Range(4096, 1048576)]
    public int MaxConfigPayloadBytes { get; set; } = 65536;

    /// <summary>
    /// How long a gateway started with a pushed configuration has to reach the broker before it
    /// goes back to the previous configuration. Default 2 minutes, 10 s–30 min.
    /// </summary>
    [DurationRange("00:00:10", "00:30:00")]
    public TimeSpan ConfigProbation { get; set; } = TimeSpan.FromMinutes(2);
}
