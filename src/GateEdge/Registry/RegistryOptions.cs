namespace GateEdge.Registry;

/// <summary>Bound from <c>Registry</c>.</summary>
internal sealed class RegistryOptions
{
    /// <summary>JSON file of registered persons, relative to the configuration file. Empty: nobody is registered.</summary>
    public string? SeedFile { get; set; }
}
