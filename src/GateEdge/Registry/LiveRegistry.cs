using System.Collections.Frozen;
using GateEdge.Devices.CardReaders;
using GateEdge.Rules;

namespace GateEdge.Registry;

/// <summary>
/// The registry lanes decide on: persons and lists from the centre, the seed file until the centre
/// sends its own. Updates are validated whole, stored, then swapped in as one immutable set, so a
/// lane never sees half an update and a rejected one leaves the version in force untouched.
/// </summary>
internal sealed class LiveRegistry : IPersonRegistry
{
    /// <summary>The topic name of the persons, beside the lists under <c>…/lists/</c>.</summary>
    public const string PersonsName = "persons";

    private readonly RegistryStore _store;
    private readonly TimeProvider _time;
    private readonly string _compound;
    private readonly Lock _updating = new();
    private volatile FrozenDictionary<string, ListVersion> _lists;
    private volatile Persons _persons;

    /// <param name="compound">This gateway's compound: updates signed for another compound are refused.</param>
    public LiveRegistry(SeedFileRegistry seed, RegistryStore store, TimeProvider time, string compound)
    {
        _store = store;
        _time = time;
        _compound = compound;
        var stored = store.Load();
        _lists = ListName.All.ToFrozenDictionary(name => name, name => stored.GetValueOrDefault(name) ?? seed.SeedList(name), StringComparer.Ordinal);
        var persons = store.LoadPersons() ?? new PersonsVersion(0, DateTimeOffset.MinValue, seed.Persons.ToDictionary(p => p.Ref, StringComparer.Ordinal));
        _persons = new Persons(persons, PersonIndex.Build(persons.Persons.Values));
    }

    public IReadOnlyDictionary<string, ListVersion> Lists => _lists;

    public int PersonCount => _persons.Version.Persons.Count;

    /// <summary>Version and time applied of the persons and of each list, for the heartbeat.</summary>
    public IReadOnlyDictionary<string, (long Version, DateTimeOffset AppliedAt)> Versions =>
        _lists.ToDictionary(l => l.Key, l => (l.Value.Version, l.Value.AppliedAt), StringComparer.Ordinal)
            .Append(new(PersonsName, (_persons.Version.Version, _persons.Version.AppliedAt)))
            .ToDictionary(StringComparer.Ordinal);

    public RegisteredPerson? Find(Credential credential) => _persons.Index.GetValueOrDefault(PersonIndex.Key(credential));

    public PersonListings Listings(string personReference)
    {
        var lists = _lists;
        return new PersonListings(
            lists[ListName.Quarantine].Entries.GetValueOrDefault(personReference),
            lists[ListName.KeyGroup].Entries.GetValueOrDefault(personReference));
    }

    /// <summary>Applies one update to the persons or to list <paramref name="name"/>; returns the update's id and, when refused, why.</summary>
    public (string? Id, string? Rejection) Apply(string name, ReadOnlySpan<byte> payload)
    {
        if (name == PersonsName)
        {
            return ApplyPersons(payload);
        }

        if (!ListName.All.Contains(name))
        {
            return (null, $"unknown list (known: {PersonsName}, {string.Join(", ", ListName.All)})");
        }

        lock (_updating)
        {
            var current = _lists[name];
            var (next, id, rejection) = ListUpdates.Apply(payload, current, _time.GetUtcNow(), _compound, name);
            if (next is null || ReferenceEquals(next, current))
            {
                return (id, rejection);
            }

            _store.Save(name, next);
            var lists = _lists.ToDictionary(StringComparer.Ordinal);
            lists[name] = next;
            _lists = lists.ToFrozenDictionary(StringComparer.Ordinal);
            return (id, null);
        }
    }

    /// <summary>What is older than its freshness limit: the quarantine list after an hour, the persons and other lists after a day.</summary>
    public IReadOnlyList<string> Stale(DateTimeOffset now) =>
        [.. Versions.Where(v => now - v.Value.AppliedAt > UpdateVersioning.FreshFor(v.Key)).Select(v => v.Key).Order()];

    private (string? Id, string? Rejection) ApplyPersons(ReadOnlySpan<byte> payload)
    {
        lock (_updating)
        {
            var current = _persons.Version;
            var (next, id, rejection) = PersonUpdates.Apply(payload, current, _time.GetUtcNow(), _compound);
            if (next is null || ReferenceEquals(next, current))
            {
                return (id, rejection);
            }

            _store.SavePersons(next);
            // Reconfirmed unchanged: the same persons, so the same index.
            _persons = new Persons(next, ReferenceEquals(next.Persons, current.Persons) ? _persons.Index : PersonIndex.Build(next.Persons.Values));
            return (id, null);
        }
    }

    /// <summary>A persons version with its index, swapped as one so a lookup never mixes two versions.</summary>
    private sealed record Persons(PersonsVersion Version, FrozenDictionary<Credential, RegisteredPerson> Index);
}
