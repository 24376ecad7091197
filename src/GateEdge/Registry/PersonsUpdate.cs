using System.Text.Json.Serialization;

namespace GateEdge.Registry;

/// <summary>
/// The signed body of a persons update from the centre (schema <c>gateedge.persons/2</c>),
/// published to <c>gateedge/v1/{compound}/lists/persons</c>; it names its compound and is
/// versioned like the lists (<see cref="UpdateVersioning"/>).
/// </summary>
internal sealed record PersonsUpdate(
    string? Schema,
    string? Id,
    string? Compound,
    string? IssuedAt,
    string? Mode,
    long Version,
    long? BaseVersion,
    IReadOnlyList<RegistryFile.Person?>? Upsert,
    IReadOnlyList<string?>? Remove) : Trust.ICentreMessage
{
    public const string SchemaId = "gateedge.persons/2";
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    AllowDuplicateProperties = false, RespectNullableAnnotations = true,
    Converters = [typeof(EnumByName<Rules.PersonClassification>), typeof(EnumByName<Devices.CardReaders.CredentialKind>)])]
[JsonSerializable(typeof(PersonsUpdate))]
[JsonSerializable(typeof(List<RegistryFile.Person>))]
internal sealed partial class PersonsUpdateJson : JsonSerializerContext;
