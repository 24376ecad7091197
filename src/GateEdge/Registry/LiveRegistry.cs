using System.Collections.Frozen;
using GateEdge.Devices.CardReaders;
using GateEdge.Rules;

namespace GateEdge.Registry;

/// <summary>
/// The registry lanes decide on: persons from the seed file, lists from the centre. Updates are
/// validated whole, stored, then swapped in as one immutable set, so a lane never sees half an
/// update and a rejected one leaves the version in force untouched.
/// </summary>
internal sealed class LiveRegistry : IPersonRegistry
{
    private readonly SeedFileRegistry _persons;
    private readonly ListStore _store;
    private readonly TimeProvider _time;
    private readonly Lock _updating = new();
    private volatile FrozenDictionary<string, ListVersion> _lists;

    public LiveRegistry(SeedFileRegistry persons, ListStore store, TimeProvider time)
    {
        _persons = persons;
        _store = store;
        _time = time;
        var stored = store.Load();
        _lists = ListName.All.ToFrozenDictionary(name => name, name => stored.GetValueOrDefault(name) ?? persons.SeedList(name), StringComparer.Ordinal);
    }

    public IReadOnlyDictionary<string, ListVersion> Lists => _lists;

    public RegisteredPerson? Find(Credential credential) => _persons.Find(credential);

    public PersonListings Listings(string personReference)
    {
        var lists = _lists;
        return new PersonListings(
            lists[ListName.Quarantine].Entries.GetValueOrDefault(personReference),
            lists[ListName.KeyGroup].Entries.GetValueOrDefault(personReference));
    }

    /// <summary>Applies one update to list <paramref name="name"/>; returns the update's id and, when refused, why.</summary>
    public (string? Id, string? Rejection) Apply(string name, ReadOnlySpan<byte> payload)
    {
        if (!ListName.All.Contains(name))
        {
            return (null, $"unknown list '{(name.Length > 40 ? name[..40] : name)}' (known: {string.Join(", ", ListName.All)})");
        }

        lock (_updating)
        {
            var current = _lists[name];
            var (next, id, rejection) = ListUpdates.Apply(payload, current, _time.GetUtcNow());
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

    /// <summary>Lists older than their freshness limit: the quarantine list after an hour, others after a day.</summary>
    public IReadOnlyList<string> Stale(DateTimeOffset now) =>
        [.. _lists.Where(l => now - l.Value.AppliedAt > (l.Key == ListName.Quarantine ? TimeSpan.FromHours(1) : TimeSpan.FromDays(1))).Select(l => l.Key).Order()];
}
