using System.Collections.Frozen;
using GateEdge.Devices.CardReaders;
using GateEdge.Rules;

namespace GateEdge.Registry;

/// <summary>Persons by credential, for the O(1) lookup of every card read. Card numbers compare case-insensitively.</summary>
internal static class PersonIndex
{
    public static FrozenDictionary<Credential, RegisteredPerson> Build(IEnumerable<RegistryFile.Person> persons)
    {
        var map = new Dictionary<Credential, RegisteredPerson>();
        foreach (var p in persons)
        {
            var person = new RegisteredPerson(p.Ref, p.Class, p.ValidFrom, p.ValidTo, p.Guard, p.Household);
            foreach (var c in p.Credentials)
            {
                map[Key(new Credential(c.Kind, c.Number))] = person;
            }
        }

        return map.ToFrozenDictionary();
    }

    public static Credential Key(Credential credential) => credential with { Number = credential.Number.ToUpperInvariant() };
}
