using System.ComponentModel.DataAnnotations;
using GateEdge.Common;

namespace GateEdge.Privacy;

/// <summary>Bound from <c>Privacy</c>.</summary>
internal sealed class PrivacyOptions
{
    /// <summary>
    /// The centre's public sealing key (PEM, P-256). With it, each passage carries
    /// <c>credential.sealed</c>: the number sealed so that only the centre can open it and match a
    /// person across gates. The gateway cannot open what it sealed; without the key the field is null.
    /// </summary>
    public string? IdentitySealingKeyFile { get; set; }

    /// <summary>
    /// Puts the clear ID or card number and the full name into every passage event (and so into
    /// the journal), beside the masked forms. Off by default; on, the gateway warns at every start.
    /// Only for a deployment whose centre is entitled to them.
    /// </summary>
    public bool PublishIdentitiesInClear { get; set; }

    /// <summary>
    /// How long a passage stored on the gateway keeps who it was: after it, the masked number,
    /// name, sealed identity and any clear identity are purged from the journal, delivered or not.
    /// Default 30 days, 1–365 days.
    /// </summary>
    [DurationRange("1.00:00:00", "365.00:00:00")]
    public TimeSpan PersonalDataRetention { get; set; } = TimeSpan.FromDays(30);
}
