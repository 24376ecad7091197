namespace GateEdge.Commands;

/// <summary>What a message from the centre is, by the topic it came on.</summary>
internal enum InboundKind
{
    /// <summary>A command for this gateway (<c>…/command/open</c>): <see cref="CentreCommand"/>.</summary>
    Command,

    /// <summary>A list or persons update for the compound (<c>…/lists/quarantine</c>).</summary>
    List,
}

/// <summary>
/// A message from the centre as it came off the broker: <see cref="Name"/> is the command
/// (<c>open</c>) or the list (<c>quarantine</c>) its topic names. <see cref="Refused"/> is set,
/// and <see cref="Payload"/> empty, when it was refused before being copied (too large, inbox full).
/// </summary>
internal sealed record InboundMessage(InboundKind Kind, string Name, ReadOnlyMemory<byte> Payload, string? Refused = null)
{
    /// <summary>How results and logs name it: <c>open</c>, <c>lists/quarantine</c>.</summary>
    public string Label => Kind == InboundKind.List ? $"lists/{Name}" : Name;
}
