using System.Text.Json.Serialization;

namespace GateEdge.Registry;

/// <summary>
/// The signed body of a list update from the centre (schema <c>gateedge.list/2</c>), published to
/// <c>gateedge/v1/{compound}/lists/{list}</c>. It names its compound and list, so it is refused
/// anywhere else. A <c>snapshot</c> replaces the list and must be newer than what the gateway
/// holds; a <c>delta</c> applies to exactly <see cref="BaseVersion"/>.
/// </summary>
internal sealed record ListUpdate(
    string? Schema,
    string? Id,
    string? Compound,
    string? List,
    string? IssuedAt,
    string? Mode,
    long Version,
    long? BaseVersion,
    IReadOnlyList<RegistryFile.Listing?>? Upsert,
    IReadOnlyList<string?>? Remove) : Trust.ICentreMessage
{
    public const string SchemaId = "gateedge.list/2";
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    AllowDuplicateProperties = false, RespectNullableAnnotations = true)]
[JsonSerializable(typeof(ListUpdate))]
internal sealed partial class ListUpdateJson : JsonSerializerContext;
