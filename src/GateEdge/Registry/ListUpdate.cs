using System.Text.Json.Serialization;

namespace GateEdge.Registry;

/// <summary>
/// A list update from the centre (schema <c>gateedge.list/1</c>), published to
/// <c>gateedge/v1/{compound}/lists/{list}</c>. A <c>snapshot</c> replaces the list and must be
/// newer than what the gateway holds; a <c>delta</c> applies to exactly <see cref="BaseVersion"/>.
/// </summary>
internal sealed record ListUpdate(
    string? Schema,
    string? Id,
    string? Mode,
    long Version,
    long? BaseVersion,
    IReadOnlyList<RegistryFile.Listing>? Upsert,
    IReadOnlyList<string>? Remove)
{
    public const string SchemaId = "gateedge.list/1";
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(ListUpdate))]
internal sealed partial class ListUpdateJson : JsonSerializerContext;
