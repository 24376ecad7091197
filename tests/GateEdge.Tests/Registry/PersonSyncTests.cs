using GateEdge.Devices.CardReaders;
using GateEdge.Registry;
using GateEdge.Rules;
using Microsoft.Extensions.Time.Testing;

namespace GateEdge.Tests.Registry;

/// <summary>Persons pushed by the centre: versioned like the lists, validated whole, kept across restarts.</summary>
public sealed class PersonSyncTests : IDisposable
{
    private static readonly Credential ZhangCard = new(CredentialKind.NationalId, "11010519491231002X");
    private static readonly Credential Badge = new(CredentialKind.CompoundCard, "123/4567");

    private readonly string _dir = Directory.CreateTempSubdirectory("gateedge-persons-").FullName;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 28, 0, 0, 0, TimeSpan.Zero));
    private readonly SeedFileRegistry _seed = new([new RegistryFile.Person("R-1", PersonClassification.Resident, [new RegistryFile.CredentialEntry(ZhangCard.Kind, ZhangCard.Number)])]);

    [Fact]
    public void A_person_removed_by_a_new_snapshot_leaves_no_copy_of_their_card_number_in_the_file()
    {
        const string removed = "440304199001010035";
        var path = Path.Combine(_dir, "registry.db");
        using (var store = new RegistryStore(path))
        {
            var registry = new LiveRegistry(_seed, store, _time, LiveRegistryTests.Compound);
            // Enough persons that the first snapshot spans pages the second one frees.
            var many = Enumerable.Range(0, 300).Select(i => $$"""{ "ref": "P-{{i}}", "class": "Resident", "credentials": [ { "kind": "CompoundCard", "number": "{{i:D8}}" } ] }""");
            Assert.Null(registry.Apply("persons", Update("p1", "snapshot", 1, upsert: string.Join(",", many.Append(
                $$"""{ "ref": "R-2", "class": "Resident", "credentials": [ { "kind": "NationalId", "number": "{{removed}}" } ] }""")))).Rejection);
            Assert.Null(registry.Apply("persons", Update("p2", "snapshot", 2, upsert: """{ "ref": "R-1", "class": "Resident", "credentials": [ { "kind": "NationalId", "number": "11010519491231002X" } ] }""")).Rejection);
        }

        // Closing the last connection folds the write-ahead log into the file and removes it.
        var bytes = Directory.GetFiles(_dir, "registry.db*").SelectMany(File.ReadAllBytes).ToArray();
        Assert.Equal(-1, bytes.AsSpan().IndexOf(System.Text.Encoding.ASCII.GetBytes(removed)));
        Assert.NotEqual(-1, bytes.AsSpan().IndexOf("11010519491231002X"u8));
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public void The_registry_holding_card_numbers_is_private_to_the_service_user_with_its_write_ahead_log()
    {
        var path = Path.Combine(_dir, "state", "registry.db");
        using var store = new RegistryStore(path);
        var registry = new LiveRegistry(_seed, store, _time, LiveRegistryTests.Compound);
        Assert.Null(registry.Apply("persons", Update("p1", "snapshot", 4, upsert: """{ "ref": "S-1", "class": "Staff", "credentials": [ { "kind": "CompoundCard", "number": "123/4567" } ] }""")).Rejection);

        Assert.All(Directory.GetFiles(Path.GetDirectoryName(path)!), file => Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file)));
        Assert.Contains(path + "-wal", Directory.GetFiles(Path.GetDirectoryName(path)!));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(path)!));
    }

    [Fact]
    public void A_snapshot_replaces_the_seed_persons_and_a_delta_adds_and_removes()
    {
        using var store = new RegistryStore(Path.Combine(_dir, "registry.db"));
        var registry = new LiveRegistry(_seed, store, _time, LiveRegistryTests.Compound);
        Assert.Equal("R-1", registry.Find(ZhangCard)!.Reference);

        Assert.Null(registry.Apply("persons", Update("p1", "snapshot", 4, upsert: """{ "ref": "S-1", "class": "Staff", "guard": true, "credentials": [ { "kind": "CompoundCard", "number": "123/4567" } ] }""")).Rejection);
        Assert.Null(registry.Find(ZhangCard));
        Assert.Equal(new RegisteredPerson("S-1", PersonClassification.Staff, null, null, IsGuard: true), registry.Find(Badge));

        Assert.Null(registry.Apply("persons", Update("p2", "delta", 5, baseVersion: 4, remove: "S-1",
            upsert: """{ "ref": "R-1", "class": "Resident", "household": "H-1", "credentials": [ { "kind": "NationalId", "number": "11010519491231002x" } ] }""")).Rejection);
        Assert.Null(registry.Find(Badge));
        Assert.Equal("H-1", registry.Find(ZhangCard)!.Household);
        Assert.Equal(5, registry.Versions["persons"].Version);
    }

    [Theory]
    [InlineData("""{ "ref": "R-2", "class": "Unknown", "credentials": [ { "kind": "NationalId", "number": "1" } ] }""", "upsert[0].class must be Resident, Staff or Visitor")]
    [InlineData("""{ "ref": "R-2", "class": "Resident", "credentials": [] }""", "upsert[0].credentials must hold 1–16 cards")]
    [InlineData("""{ "ref": "R-2", "class": "Resident", "credentials": [ { "kind": "CompoundCard", "number": "12 34" } ] }""", "upsert[0].credentials[0] needs a kind and a number of 1–32 letters, digits or '/'")]
    [InlineData("""{ "ref": "R-2", "class": "Resident", "credentials": [ { "kind": "NationalId", "number": "11010519491231002X" } ] }""", "a NationalId card of R-2 already belongs to R-1")]
    [InlineData("""{ "ref": "R-2", "class": "Resident", "credentials": [ { "kind": "NationalId", "number": "1" } ], "role": "admin" }""", "malformed JSON")]
    // Enums by name only: a number is not whichever member happens to carry it.
    [InlineData("""{ "ref": "R-2", "class": 1, "credentials": [ { "kind": "NationalId", "number": "11010519491231003X" } ] }""", "malformed JSON")]
    [InlineData("""{ "ref": "R-2", "class": "1", "credentials": [ { "kind": "NationalId", "number": "11010519491231003X" } ] }""", "malformed JSON")]
    [InlineData("""{ "ref": "R-2", "class": "Resident", "credentials": [ { "kind": 2, "number": "11010519491231003X" } ] }""", "malformed JSON")]
    public void A_bad_entry_refuses_the_whole_update_and_the_persons_in_force_stay(string entry, string reason)
    {
        using var store = new RegistryStore(Path.Combine(_dir, "registry.db"));
        var registry = new LiveRegistry(_seed, store, _time, LiveRegistryTests.Compound);
        Assert.Null(registry.Apply("persons", Update("p1", "snapshot", 1, upsert: """{ "ref": "R-1", "class": "Resident", "credentials": [ { "kind": "NationalId", "number": "11010519491231002X" } ] }""")).Rejection);

        var (id, rejection) = registry.Apply("persons", Update("p2", "delta", 2, baseVersion: 1, upsert: entry));

        Assert.StartsWith(reason, rejection, StringComparison.Ordinal);
        Assert.Equal(1, registry.Versions["persons"].Version);
        Assert.Equal("R-1", registry.Find(ZhangCard)!.Reference);
        Assert.True(id is "p2" || reason == "malformed JSON");
    }

    [Fact]
    public void The_persons_in_force_survive_a_restart()
    {
        using (var store = new RegistryStore(Path.Combine(_dir, "registry.db")))
        {
            new LiveRegistry(_seed, store, _time, LiveRegistryTests.Compound).Apply("persons", Update("p1", "snapshot", 7,
                upsert: """{ "ref": "V-1", "class": "Visitor", "validTo": "2026-11-29T00:00:00+00:00", "credentials": [ { "kind": "CompoundCard", "number": "123/4567" } ] }"""));
        }

        using var reopened = new RegistryStore(Path.Combine(_dir, "registry.db"));
        var restarted = new LiveRegistry(_seed, reopened, _time, LiveRegistryTests.Compound);

        Assert.Equal(7, restarted.Versions["persons"].Version);
        Assert.Equal(new RegisteredPerson("V-1", PersonClassification.Visitor, null, new DateTimeOffset(2026, 11, 29, 0, 0, 0, TimeSpan.Zero)), restarted.Find(Badge));
        Assert.Null(restarted.Find(ZhangCard));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static byte[] Update(string id, string mode, long version, long? baseVersion = null, string? upsert = null, string? remove = null) =>
        System.Text.Encoding.UTF8.GetBytes($$"""
            { "schema": "gateedge.persons/2", "id": "{{id}}", "compound": "{{LiveRegistryTests.Compound}}", "issuedAt": "2026-11-28T00:00:00Z", "mode": "{{mode}}", "version": {{version}}{{(baseVersion is { } b ? $", \"baseVersion\": {b}" : "")}},
              "upsert": [ {{upsert}} ], "remove": [ {{(remove is null ? "" : $"\"{remove}\"")}} ] }
            """);
}
