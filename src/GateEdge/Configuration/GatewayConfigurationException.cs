namespace GateEdge.Configuration;

/// <summary>The configuration cannot run a gate; <see cref="Problems"/> lists every problem found, each with its path.</summary>
internal sealed class GatewayConfigurationException(string source, IReadOnlyList<string> problems)
    : Exception($"{source}: {problems.Count} configuration problem(s):{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", problems))
{
    /// <summary>The file the problems are in.</summary>
    public new string Source => source;

    public IReadOnlyList<string> Problems => problems;
}
