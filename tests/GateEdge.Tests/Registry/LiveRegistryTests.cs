using System.Text;
using GateEdge.Registry;
using Microsoft.Extensions.Time.Testing;

namespace GateEdge.Tests.Registry;

public sealed class LiveRegistryTests : IDisposable
{
    internal const string Compound = "c-1";

    private readonly string _dir = Directory.CreateTempSubdirectory("gateedge-registry-").FullName;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 28, 0, 0, 0, TimeSpan.Zero));
    private readonly SeedFileRegistry _seed = new([], quarantine: [new RegistryFile.Listing("R-9", "seeded")]);

    [Fact]
    public void Snapshots_and_deltas_apply_in_version_order_and_everything_else_is_refused_unchanged()
    {
        using var store = Store();
        var registry = new LiveRegistry(_seed, store, _time, Compound);
        Assert.Equal("seeded", registry.Listings("R-9").Quarantine!.Reason);

        Assert.Equal(("u1", (string?)null), registry.Apply("quarantine", Snapshot("u1", 5, ("R-1", "home quarantine"), ("R-2", "positive contact"))));
        Assert.Null(registry.Listings("R-9").Quarantine);
        Assert.Equal(("u1", (string?)null), registry.Apply("quarantine", Snapshot("u1", 5, ("R-1", "home quarantine"), ("R-2", "positive contact"))));
        Assert.StartsWith("snapshot version 4 is not newer", registry.Apply("quarantine", Snapshot("u2", 4)).Rejection, StringComparison.Ordinal);
        Assert.StartsWith("delta from version 4 to 7", registry.Apply("quarantine", Delta("u3", 4, 7, remove: "R-1")).Rejection, StringComparison.Ordinal);
        Assert.Equal("upsert[0].reason is missing, longer than 200 or holds control characters", registry.Apply("quarantine", Delta("u4", 5, 6, upsert: ("R-3", ""))).Rejection);
        Assert.StartsWith("malformed JSON", registry.Apply("quarantine", "{\"schema\":"u8).Rejection, StringComparison.Ordinal);
        Assert.StartsWith("unknown list (known: persons", registry.Apply("visitors", Snapshot("u5", 1)).Rejection, StringComparison.Ordinal);
        Assert.Equal(5, registry.Lists["quarantine"].Version);

        Assert.Null(registry.Apply("quarantine", Delta("u6", 5, 6, remove: "R-1", upsert: ("R-3", "returned from Wuhan"))).Rejection);
        Assert.Null(registry.Listings("R-1").Quarantine);
        Assert.Equal("positive contact", registry.Listings("R-2").Quarantine!.Reason);
        Assert.Equal("returned from Wuhan", registry.Listings("R-3").Quarantine!.Reason);
    }

    [Fact]
    public void The_lists_in_force_survive_a_restart_and_go_stale_at_their_limits()
    {
        using (var store = Store())
        {
            var registry = new LiveRegistry(_seed, store, _time, Compound);
            Assert.Equal(["key-group", "persons", "quarantine"], registry.Stale(_time.GetUtcNow()));
            registry.Apply("quarantine", Snapshot("u1", 3, ("R-1", "home quarantine")));
            registry.Apply("key-group", Snapshot("key-group", "u2", 8, ("R-2", "returned from abroad")));
            registry.Apply("persons", "{\"schema\":\"gateedge.persons/2\",\"id\":\"p1\",\"compound\":\"c-1\",\"issuedAt\":\"2026-11-28T00:00:00Z\",\"mode\":\"snapshot\",\"version\":2,\"upsert\":[]}"u8);
            Assert.Empty(registry.Stale(_time.GetUtcNow()));
        }

        using var reopened = Store();
        var restarted = new LiveRegistry(_seed, reopened, _time, Compound);
        Assert.Equal((3L, 8L), (restarted.Lists["quarantine"].Version, restarted.Lists["key-group"].Version));
        Assert.Equal("returned from abroad", restarted.Listings("R-2").KeyGroup!.Reason);

        _time.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
        Assert.Equal(["quarantine"], restarted.Stale(_time.GetUtcNow()));
        _time.Advance(TimeSpan.FromDays(1));
        Assert.Equal(["key-group", "persons", "quarantine"], restarted.Stale(_time.GetUtcNow()));
    }

    [Fact]
    public void The_centre_republishing_a_list_unchanged_keeps_it_fresh_but_a_replayed_old_copy_does_not()
    {
        using var store = Store();
        var registry = new LiveRegistry(_seed, store, _time, Compound);
        Assert.Null(registry.Apply("quarantine", Snapshot("quarantine", "u1", 5, _time.GetUtcNow().ToString("O"), ("R-1", "home quarantine"))).Rejection);

        _time.Advance(TimeSpan.FromMinutes(50));
        var replayed = Snapshot("quarantine", "u1", 5, "2026-11-28T00:00:00Z", ("R-1", "home quarantine"));
        Assert.Null(registry.Apply("quarantine", replayed).Rejection);
        Assert.Null(registry.Apply("quarantine", Snapshot("quarantine", "u2", 5, _time.GetUtcNow().ToString("O"), ("R-1", "home quarantine"))).Rejection);

        _time.Advance(TimeSpan.FromMinutes(30)); // 80 minutes after the first copy, 30 after the republish
        Assert.DoesNotContain("quarantine", registry.Stale(_time.GetUtcNow()));
        _time.Advance(TimeSpan.FromMinutes(31));
        Assert.Null(registry.Apply("quarantine", replayed).Rejection);
        Assert.Contains("quarantine", registry.Stale(_time.GetUtcNow()));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private RegistryStore Store() => new(Path.Combine(_dir, "registry.db"));
    [Fact]
    public void A_new_gateway_refuses_a_version_issued_longer_ago_than_its_list_stays_current()
    {
        using var store = Store();
        var registry = new LiveRegistry(_seed, store, _time, Compound);
        _time.Advance(TimeSpan.FromHours(3));

        // A captured quarantine snapshot from three hours ago, replayed to a gateway that holds nothing newer.
        Assert.Equal("issued at 2026-11-28T00:00:00.0000000+00:00, longer ago than the 1 h a quarantine list stays current: a superseded copy, or the centre has not republished it",
            registry.Apply("quarantine", Snapshot("u1", 5, ("R-1", "home quarantine"))).Rejection);
        Assert.Null(registry.Apply("key-group", Snapshot("key-group", "u2", 8, ("R-2", "returned from abroad"))).Rejection);

        // Taken as of when the centre issued it: it goes stale a day after that, not a day after it arrived.
        _time.Advance(TimeSpan.FromHours(21) + TimeSpan.FromMinutes(1));
        Assert.Contains("key-group", registry.Stale(_time.GetUtcNow()));
    }

    internal static byte[] Snapshot(string id, long version, params (string Ref, string Reason)[] entries) => Snapshot("quarantine", id, version, entries);

    internal static byte[] Snapshot(string list, string id, long version, params (string Ref, string Reason)[] entries) =>
        Snapshot(list, id, version, "2026-11-28T00:00:00Z", entries);

    private static byte[] Snapshot(string list, string id, long version, string issuedAt, params (string Ref, string Reason)[] entries) =>
        Json($$"""{"schema":"gateedge.list/2","id":"{{id}}","compound":"{{Compound}}","list":"{{list}}","issuedAt":"{{issuedAt}}","mode":"snapshot","version":{{version}},"upsert":[{{Entries(entries)}}]}""");

    private static byte[] Delta(string id, long baseVersion, long version, string? remove = null, (string Ref, string Reason)? upsert = null) =>
        Json($$"""{"schema":"gateedge.list/2","id":"{{id}}","compound":"{{Compound}}","list":"quarantine","issuedAt":"2026-11-28T00:00:00Z","mode":"delta","baseVersion":{{baseVersion}},"version":{{version}},"upsert":[{{(upsert is { } u ? Entries(u) : "")}}],"remove":[{{(remove is null ? "" : $"\"{remove}\"")}}]}""");

    private static string Entries(params (string Ref, string Reason)[] entries) =>
        string.Join(",", entries.Select(e => $$"""{"ref":"{{e.Ref}}","reason":"{{e.Reason}}"}"""));

    private static byte[] Json(string json) => Encoding.UTF8.GetBytes(json);
}
