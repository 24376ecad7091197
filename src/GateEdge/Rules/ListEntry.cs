namespace GateEdge.Rules;

/// <summary>A person's entry on a list pushed by the centre (quarantine, key-group watch), with its validity.</summary>
internal sealed record ListEntry(string Reason, DateTimeOffset? ValidFrom, DateTimeOffset? ValidTo)
{
    public bool IsInForceAt(DateTimeOffset now) => (ValidFrom is null || now >= ValidFrom) && (ValidTo is null || now < ValidTo);
}
