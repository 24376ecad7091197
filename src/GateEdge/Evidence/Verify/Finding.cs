namespace GateEdge.Evidence.Verify;

/// <summary>
/// One thing the verifier found about a gateway's record. <see cref="Integrity"/> findings mean the
/// record was changed, forged or is incomplete; the rest are facts an inspector should see.
/// </summary>
internal sealed record Finding(string Gateway, string Kind, long? Seq, string Detail)
{
    public const string Gap = "gap";
    public const string ConflictingRepeat = "conflicting-repeat";
    public const string ChainBreak = "chain-break";
    public const string BadSignature = "bad-signature";
    public const string Unsigned = "unsigned";
    public const string ForkedCheckpoint = "forked-checkpoint";
    public const string NotOpened = "allowed-not-opened";
    public const string NoActuationRecord = "allowed-without-actuation-record";
    public const string Redacted = "redacted";

    public bool Integrity => Kind is Gap or ConflictingRepeat or ChainBreak or BadSignature or Unsigned or ForkedCheckpoint;

    public override string ToString() => $"{Gateway} {(Seq is { } s ? $"#{s} " : "")}{Kind}: {Detail}";
}
