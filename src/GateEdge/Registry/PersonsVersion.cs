namespace GateEdge.Registry;

/// <summary>The persons the gateway holds, by registry reference, with their version and when it was applied (0: the seed file).</summary>
internal sealed record PersonsVersion(long Version, DateTimeOffset AppliedAt, IReadOnlyDictionary<string, RegistryFile.Person> Persons);
