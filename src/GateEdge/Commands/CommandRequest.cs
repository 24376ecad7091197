using System.Text.Json.Serialization;

namespace GateEdge.Commands;

/// <summary>
/// The signed body of a command from the centre (schema <c>gateedge.command/2</c>). It names the
/// command and the one gateway it is for, so a signed command cannot be replayed on another
/// topic or at another gate. Which fields a command needs is checked by <see cref="CommandParser"/>;
/// unknown and repeated fields are refused.
/// </summary>
/// <param name="Config">For <c>config</c>: the whole new configuration file, as text.</param>
/// <param name="FromSeq">For <c>republish</c>: the first of the events to send again (with <paramref name="ToSeq"/>, the last).</param>
/// <param name="Size">For <c>checkpoint-ack</c>: the size of the checkpoint the centre holds, and <paramref name="Head"/> its head hash.</param>
internal sealed record CommandRequest(
    string? Schema,
    string? Id,
    string? Command,
    string? Compound,
    string? Gate,
    string? Gateway,
    string? IssuedAt,
    string? Operator = null,
    string? Reason = null,
    string? Lane = null,
    string? Config = null,
    long? FromSeq = null,
    long? ToSeq = null,
    long? Size = null,
    string? Head = null) : Trust.ICentreMessage
{
    public const string SchemaId = "gateedge.command/2";
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    AllowDuplicateProperties = false, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CommandRequest))]
internal sealed partial class CommandJson : JsonSerializerContext;
