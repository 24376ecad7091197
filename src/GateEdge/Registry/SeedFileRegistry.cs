using System.Collections.Frozen;
using System.Text.Json;
using GateEdge.Devices.CardReaders;
using GateEdge.Rules;

namespace GateEdge.Registry;

/// <summary>A registry loaded once from a local JSON file into a frozen lookup.</summary>
internal sealed class SeedFileRegistry : IPersonRegistry
{
    private readonly FrozenDictionary<Credential, RegisteredPerson> _byCredential;

    public SeedFileRegistry(IEnumerable<RegistryFile.Person> persons)
    {
        var map = new Dictionary<Credential, RegisteredPerson>();
        foreach (var p in persons)
        {
            var person = new RegisteredPerson(p.Ref, p.Class, p.ValidFrom, p.ValidTo);
            foreach (var c in p.Credentials)
            {
                map[new Credential(c.Kind, c.Number.ToUpperInvariant())] = person;
            }
        }

        _byCredential = map.ToFrozenDictionary();
    }

    public int Count => _byCredential.Count;

    public static SeedFileRegistry Load(string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return new SeedFileRegistry([]);
        }

        using var stream = File.OpenRead(path);
        var file = JsonSerializer.Deserialize(stream, RegistryFileJson.Default.RegistryFile)
            ?? throw new InvalidDataException($"{path}: the registry file is empty");
        return new SeedFileRegistry(file.Persons);
    }

    public RegisteredPerson? Find(Credential credential) =>
        _byCredential.GetValueOrDefault(credential with { Number = credential.Number.ToUpperInvariant() });
}
