namespace GateEdge.Rules;

/// <summary>What the rules need to know of a registered person.</summary>
internal sealed record RegisteredPerson(string Reference, PersonClassification Class, DateTimeOffset? ValidFrom, DateTimeOffset? ValidTo)
{
    public bool IsValidAt(DateTimeOffset now) => (ValidFrom is null || now >= ValidFrom) && (ValidTo is null || now < ValidTo);
}
