namespace GateEdge.Privacy;

/// <summary>Bound from <c>Privacy</c>.</summary>
internal sealed class PrivacyOptions
{
    /// <summary>
    /// File holding the deployment's key for keyed hashes of card numbers. With it, each event
    /// carries <c>credential.hash</c>, which lets the centre match a person across gates without
    /// ever seeing the number; without it the field is null.
    /// </summary>
    public string? IdentityKeyFile { get; set; }

    /// <summary>
    /// Puts the clear ID or card number and the full name into every passage event (and so into
    /// the journal), beside the masked forms. Off by default; on, the gateway warns at every start.
    /// Only for a deployment whose centre is entitled to them.
    /// </summary>
    public bool PublishIdentitiesInClear { get; set; }

    /// <summary>
    /// How long a passage stored on the gateway keeps who it was: after it, the masked number,
    /// name, keyed hash and any clear identity are purged from the journal, delivered or not.
    /// Default 30 days, 1–365 days.
    /// </summary>
    public TimeSpan PersonalDataRetention { get; set; } = TimeSpan.FromDays(30);
}
