using System.Text.Json.Serialization;

namespace GateEdge.Commands;

/// <summary>
/// A command from the centre (schema <c>gateedge.command/1</c>). Which fields a command needs
/// is checked by <see cref="CommandParser"/>; everything else is refused.
/// </summary>
/// <param name="Config">For <c>config</c>: the whole new configuration file, as text.</param>
internal sealed record CommandRequest(
    string? Schema,
    string? Id,
    string? IssuedAt,
    string? Nonce,
    string? Operator,
    string? Reason,
    string? Lane,
    string? Signature,
    string? Config = null)
{
    public const string SchemaId = "gateedge.command/1";
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(CommandRequest))]
internal sealed partial class CommandJson : JsonSerializerContext;
