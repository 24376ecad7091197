namespace GateEdge.Registry;

/// <summary>The lists the centre pushes (policy point 5), by their topic names.</summary>
internal static class ListName
{
    public const string Quarantine = "quarantine";
    public const string KeyGroup = "key-group";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { Quarantine, KeyGroup };
}
