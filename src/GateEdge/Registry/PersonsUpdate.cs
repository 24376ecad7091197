using System.Text.Json.Serialization;

namespace GateEdge.Registry;

/// <summary>
/// A persons update from the centre (schema <c>gateedge.persons/1</c>), published to
/// <c>gateedge/v1/{compound}/lists/persons</c>, versioned like the lists (<see cref="UpdateVersioning"/>).
/// </summary>
internal sealed record PersonsUpdate(
    string? Schema,
    string? Id,
    string? Mode,
    long Version,
    long? BaseVersion,
    IReadOnlyList<RegistryFile.Person>? Upsert,
    IReadOnlyList<string>? Remove)
{
    public const string SchemaId = "gateedge.persons/1";
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(PersonsUpdate))]
[JsonSerializable(typeof(List<RegistryFile.Person>))]
internal sealed partial class PersonsUpdateJson : JsonSerializerContext;
