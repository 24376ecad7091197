using System.Diagnostics;
using System.Text;
using GateEdge.Devices.CardReaders;
using GateEdge.Registry;
using GateEdge.Rules;

namespace GateEdge.Benchmarks.Load;

/// <summary>
/// How the registry's cost grows with its size: the lookup every card read makes (mean over a
/// million random lookups of registered cards) and a full persons snapshot from the centre applied
/// (validated, stored in SQLite, swapped in). Snapshots are bounded at 16 MiB per update, which a
/// snapshot of a million persons exceeds: that size is reported for the lookup only.
/// </summary>
internal static class RegistryCurve
{
    public static RegistryPoint Measure(int persons, TextWriter log)
    {
        var people = Enumerable.Range(0, persons).Select(i => new RegistryFile.Person($"R-{i}", PersonClassification.Resident,
            [new RegistryFile.CredentialEntry(CredentialKind.NationalId, IdNumbers.For(i))])).ToList();
        var index = PersonIndex.Build(people);
        var random = new Random(42);
        var probes = Enumerable.Range(0, 1_000_000).Select(_ => PersonIndex.Key(new Credential(CredentialKind.NationalId, IdNumbers.For(random.Next(persons))))).ToArray();
        // The first pass warms the JIT and the caches; the second is measured.
        int found = 0;
        var clock = new Stopwatch();
        for (int pass = 0; pass < 2; pass++)
        {
            found = 0;
            clock.Restart();
            foreach (var probe in probes)
            {
                found += index.ContainsKey(probe) ? 1 : 0;
            }
        }

        double lookupNs = clock.Elapsed.TotalNanoseconds / probes.Length;
        if (found != probes.Length)
        {
            throw new InvalidOperationException("a registered card was not found");
        }

        var payload = Encoding.UTF8.GetBytes($$"""{ "schema": "gateedge.persons/2", "id": "p-{{persons}}", "compound": "c-1", "issuedAt": "2026-12-01T00:00:00Z", "mode": "snapshot", "version": 1, "upsert": [ {{string.Join(",",
            people.Select(p => $$"""{ "ref": "{{p.Ref}}", "class": "Resident", "credentials": [ { "kind": "NationalId", "number": "{{p.Credentials[0].Number}}" } ] }"""))}} ] }""");
        double? applySeconds = null;
        if (payload.Length <= ListUpdates.MaxPayloadBytes)
        {
            var dir = Directory.CreateTempSubdirectory("gateedge-registry-").FullName;
            try
            {
                using var store = new RegistryStore(Path.Combine(dir, "registry.db"));
                var registry = new LiveRegistry(new SeedFileRegistry([]), store, TimeProvider.System, "c-1");
                clock.Restart();
                var (_, rejection) = registry.Apply("persons", payload);
                applySeconds = clock.Elapsed.TotalSeconds;
                if (rejection is not null)
                {
                    throw new InvalidOperationException($"the snapshot was refused: {rejection}");
                }
            }
            finally
            {
                Directory.Delete(dir, recursive: true);
            }
        }

        var point = new RegistryPoint(persons, lookupNs, applySeconds, payload.Length);
        log.WriteLine(point);
        return point;
    }
}

/// <param name="SnapshotApplySeconds">Null where the snapshot is over the 16 MiB update bound.</param>
internal sealed record RegistryPoint(int Persons, double LookupNs, double? SnapshotApplySeconds, int SnapshotBytes);
