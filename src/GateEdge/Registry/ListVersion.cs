namespace GateEdge.Registry;

/// <summary>One list as the gateway holds it: its entries by person reference, the version and when it was applied.</summary>
internal sealed record ListVersion(long Version, DateTimeOffset AppliedAt, IReadOnlyDictionary<string, GateEdge.Rules.ListEntry> Entries)
{
    public static readonly ListVersion Empty = new(0, DateTimeOffset.MinValue, new Dictionary<string, GateEdge.Rules.ListEntry>());
}
