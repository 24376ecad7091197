using System.Collections.Frozen;
using System.Text.Json;
using GateEdge.Devices.CardReaders;
using GateEdge.Rules;

namespace GateEdge.Registry;

/// <summary>A registry loaded once from a local JSON file into a frozen lookup.</summary>
internal sealed class SeedFileRegistry : IPersonRegistry
{
    private readonly FrozenDictionary<Credential, RegisteredPerson> _byCredential;
    private readonly FrozenDictionary<string, PersonListings> _listings;
    private readonly IReadOnlyList<RegistryFile.Listing> _quarantine;
    private readonly IReadOnlyList<RegistryFile.Listing> _keyGroup;

    public SeedFileRegistry(IEnumerable<RegistryFile.Person> persons, IEnumerable<RegistryFile.Listing>? quarantine = null, IEnumerable<RegistryFile.Listing>? keyGroup = null)
    {
        _quarantine = [.. quarantine ?? []];
        _keyGroup = [.. keyGroup ?? []];
        var listings = new Dictionary<string, PersonListings>(StringComparer.Ordinal);
        foreach (var q in _quarantine)
        {
            listings[q.Ref] = listings.GetValueOrDefault(q.Ref, PersonListings.None) with { Quarantine = new ListEntry(q.Reason, q.ValidFrom, q.ValidTo) };
        }

        foreach (var k in _keyGroup)
        {
            listings[k.Ref] = listings.GetValueOrDefault(k.Ref, PersonListings.None) with { KeyGroup = new ListEntry(k.Reason, k.ValidFrom, k.ValidTo) };
        }

        _listings = listings.ToFrozenDictionary(StringComparer.Ordinal);
        Persons = [.. persons];
        _byCredential = PersonIndex.Build(Persons);
    }

    public int Count => _byCredential.Count;

    /// <summary>The persons as the file lists them: the baseline until the centre sends its own.</summary>
    public IReadOnlyList<RegistryFile.Person> Persons { get; }

    public static SeedFileRegistry Load(string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return new SeedFileRegistry([]);
        }

        using var stream = File.OpenRead(path);
        var file = JsonSerializer.Deserialize(stream, RegistryFileJson.Default.RegistryFile)
            ?? throw new InvalidDataException($"{path}: the registry file is empty");
        return new SeedFileRegistry(file.Persons, file.Quarantine, file.KeyGroup);
    }

    /// <summary>A list as the seed file gives it: version 0, the baseline until the centre sends one.</summary>
    public ListVersion SeedList(string name) => new(0, DateTimeOffset.MinValue,
        (name == ListName.Quarantine ? _quarantine : _keyGroup).ToDictionary(e => e.Ref, e => new ListEntry(e.Reason, e.ValidFrom, e.ValidTo), StringComparer.Ordinal));

    public PersonListings Listings(string personReference) => _listings.GetValueOrDefault(personReference, PersonListings.None);

    public RegisteredPerson? Find(Credential credential) =>
        _byCredential.GetValueOrDefault(PersonIndex.Key(credential));
}
