using BenchmarkDotNet.Attributes;
using GateEdge.Devices.CardReaders;
using GateEdge.Registry;
using GateEdge.Rules;

namespace GateEdge.Benchmarks;

/// <summary>The decision itself and the registry lookup behind R1.</summary>
[MemoryDiagnoser]
public class RuleBenchmarks
{
    private readonly RulePolicy _policy = new();
    private DecisionInput _input = null!;
    private SeedFileRegistry _registry = null!;
    private Credential _known;

    [Params(100_000)]
    public int Persons { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _registry = new SeedFileRegistry(Enumerable.Range(0, Persons).Select(i =>
            new RegistryFile.Person($"R-{i}", PersonClassification.Resident, [new RegistryFile.CredentialEntry(CredentialKind.NationalId, $"1101051949{i:D8}")])));
        _known = new Credential(CredentialKind.NationalId, $"1101051949{Persons / 2:D8}");
        _input = new DecisionInput(LaneMode.Unattended, Direction.In, CredentialKind.NationalId, _registry.Find(_known), PersonListings.None,
            TemperatureSource.Reading, 36.6m, TemperatureFlow.Fresh, MaskStatus.Worn, DateTimeOffset.UnixEpoch);
    }

    [Benchmark]
    public int Decide() => (int)EntryRules.Decide(_input, _policy).Outcome;

    [Benchmark]
    public bool RegistryLookup() => _registry.Find(_known) is not null;
}
