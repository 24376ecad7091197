namespace GateEdge.Trust;

/// <summary>One of the centre's public signing keys, bound from <c>Commands.CentreKeys[]</c>.</summary>
internal sealed class CentreKeyOptions
{
    /// <summary>The key id the centre puts in each message's <c>kid</c>, e.g. <c>centre-2026-12</c>.</summary>
    public string Id { get; set; } = "";

    /// <summary>PEM file of the public key (<c>-----BEGIN PUBLIC KEY-----</c>, ECDSA P-256). Public: it can verify, never sign.</summary>
    public string PublicKeyFile { get; set; } = "";
}
