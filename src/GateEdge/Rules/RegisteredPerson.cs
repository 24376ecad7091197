namespace GateEdge.Rules;

/// <summary>
/// What the rules need to know of a registered person. <see cref="IsGuard"/>: the person staffs the
/// gate, and their card at an attended lane signs them on or off duty instead of passing.
/// <see cref="Household"/> groups residents for the household exit limit (R7).
/// </summary>
internal sealed record RegisteredPerson(string Reference, PersonClassification Class, DateTimeOffset? ValidFrom, DateTimeOffset? ValidTo, bool IsGuard = false,
    string? Household = null)
{
    public bool IsValidAt(DateTimeOffset now) => (ValidFrom is null || now >= ValidFrom) && (ValidTo is null || now < ValidTo);
}
