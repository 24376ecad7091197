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
}
