using System.Text.Json.Serialization;
using GateEdge.Devices.CardReaders;
using GateEdge.Rules;

namespace GateEdge.Registry;

/// <summary>The on-disk form of a registry seed file.</summary>
internal sealed record RegistryFile(
    IReadOnlyList<RegistryFile.Person> Persons,
    IReadOnlyList<RegistryFile.Listing>? Quarantine = null,
    IReadOnlyList<RegistryFile.Listing>? KeyGroup = null)
{
    /// <summary>A person on a list: by registry reference, with the reason the centre gives and the entry's validity.</summary>
    internal sealed record Listing(string Ref, string Reason, DateTimeOffset? ValidFrom = null, DateTimeOffset? ValidTo = null);

    internal sealed record Person(
        string Ref,
        PersonClassification Class,
        IReadOnlyList<CredentialEntry> Credentials,
        DateTimeOffset? ValidFrom = null,
        DateTimeOffset? ValidTo = null,
        bool Guard = false,
        string? Household = null);

    internal sealed record CredentialEntry(CredentialKind Kind, string Number);
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    Converters = [typeof(EnumByName<PersonClassification>), typeof(EnumByName<Devices.CardReaders.CredentialKind>)],
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip, AllowTrailingCommas = true)]
[JsonSerializable(typeof(RegistryFile))]
[JsonSerializable(typeof(List<RegistryFile.Listing>))]
internal sealed partial class RegistryFileJson : JsonSerializerContext;
