namespace GateEdge.Commands;

/// <summary>
/// A message from the centre as it came off the broker: <see cref="Name"/> is the command
/// (<c>open</c>) or the list (<c>lists/quarantine</c>) its topic names. <see cref="Refused"/> is set,
/// and <see cref="Payload"/> empty, when it was refused before being copied (too large, inbox full).
/// </summary>
internal sealed record InboundMessage(string Name, ReadOnlyMemory<byte> Payload, string? Refused = null)
{
    public const string ListPrefix = "lists/";

    public bool IsList => Name.StartsWith(ListPrefix, StringComparison.Ordinal);
}
