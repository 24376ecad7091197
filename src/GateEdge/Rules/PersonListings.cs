namespace GateEdge.Rules;

/// <summary>The list entries of one registered person (policy point 5); rules R5 and R6 read them.</summary>
internal sealed record PersonListings(ListEntry? Quarantine, ListEntry? KeyGroup)
{
    public static readonly PersonListings None = new(null, null);
}
