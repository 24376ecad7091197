using System.Text.Json;
using GateEdge.Common;
using GateEdge.Rules;
using Microsoft.Data.Sqlite;

namespace GateEdge.Registry;

/// <summary>The persons and lists in force, kept in SQLite so the gate decides on them after a restart with the network down.</summary>
internal sealed class RegistryStore : IDisposable
{
    private readonly SqliteConnection _connection;

    public RegistryStore(string path)
    {
        // Persons come with their card numbers in clear: they are what a card is matched against.
        _connection = PrivateDatabase.Open(path);
        using var command = _connection.CreateCommand();
        command.CommandText = """
            CREATE TABLE IF NOT EXISTS lists (name TEXT PRIMARY KEY, version INTEGER NOT NULL, applied_at INTEGER NOT NULL, entries BLOB NOT NULL);
            CREATE TABLE IF NOT EXISTS persons (only INTEGER PRIMARY KEY CHECK (only = 1), version INTEGER NOT NULL, applied_at INTEGER NOT NULL, persons BLOB NOT NULL);
            """;
        command.ExecuteNonQuery();
    }

    public Dictionary<string, ListVersion> Load()
    {
        var lists = new Dictionary<string, ListVersion>(StringComparer.Ordinal);
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT name, version, applied_at, entries FROM lists";
        using var rows = command.ExecuteReader();
        while (rows.Read())
        {
            var entries = JsonSerializer.Deserialize((byte[])rows[3], RegistryFileJson.Default.ListListing) ?? [];
            lists[rows.GetString(0)] = new ListVersion(rows.GetInt64(1), DateTimeOffset.FromUnixTimeMilliseconds(rows.GetInt64(2)),
                entries.ToDictionary(e => e.Ref, e => new ListEntry(e.Reason, e.ValidFrom, e.ValidTo), StringComparer.Ordinal));
        }

        return lists;
    }

    /// <summary>Replaces one list in a single transaction: a power cut leaves the old version or the new one, never half.</summary>
    public void Save(string name, ListVersion list)
    {
        var entries = list.Entries.Select(e => new RegistryFile.Listing(e.Key, e.Value.Reason, e.Value.ValidFrom, e.Value.ValidTo)).ToList();
        using var command = _connection.CreateCommand();
        command.CommandText = "INSERT OR REPLACE INTO lists (name, version, applied_at, entries) VALUES ($name, $version, $at, $entries)";
        command.Parameters.AddWithValue("$name", name);
        command.Parameters.AddWithValue("$version", list.Version);
        command.Parameters.AddWithValue("$at", list.AppliedAt.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$entries", JsonSerializer.SerializeToUtf8Bytes(entries, RegistryFileJson.Default.ListListing));
        command.ExecuteNonQuery();
    }

    /// <summary>The persons last received from the centre, or null when none were (the seed file is in force).</summary>
    public PersonsVersion? LoadPersons()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT version, applied_at, persons FROM persons";
        using var rows = command.ExecuteReader();
        if (!rows.Read())
        {
            return null;
        }

        var persons = JsonSerializer.Deserialize((byte[])rows[2], PersonsUpdateJson.Default.ListPerson) ?? [];
        return new PersonsVersion(rows.GetInt64(0), DateTimeOffset.FromUnixTimeMilliseconds(rows.GetInt64(1)), persons.ToDictionary(p => p.Ref, StringComparer.Ordinal));
    }

    /// <summary>Replaces the persons in one transaction, as <see cref="Save"/> does a list.</summary>
    public void SavePersons(PersonsVersion persons)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "INSERT OR REPLACE INTO persons (only, version, applied_at, persons) VALUES (1, $version, $at, $persons)";
        command.Parameters.AddWithValue("$version", persons.Version);
        command.Parameters.AddWithValue("$at", persons.AppliedAt.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$persons", JsonSerializer.SerializeToUtf8Bytes(persons.Persons.Values.ToList(), PersonsUpdateJson.Default.ListPerson));
        command.ExecuteNonQuery();
    }

    public void Dispose() => _connection.Dispose();
}
