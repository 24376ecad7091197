namespace GateEdge.Events;

/// <summary>
/// A signed statement of the gateway's chain (schema <c>gateedge.checkpoint/1</c>), in the spirit of
/// a transparency log's checkpoint: this <see cref="Origin"/> had issued <see cref="Size"/> events,
/// the last with hash <see cref="Head"/>. Two signed checkpoints that cannot both be true (another
/// head at the same size, or a later one that does not extend the earlier) prove a rewritten history.
/// </summary>
internal sealed record Checkpoint(string Schema, string Origin, string Gateway, long Size, string Head, DateTimeOffset Time)
{
    public const string SchemaId = "gateedge.checkpoint/1";
}
