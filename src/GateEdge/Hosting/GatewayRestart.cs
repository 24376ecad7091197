namespace GateEdge.Hosting;

/// <summary>
/// Lets a running gateway ask to be started again in the same process (after a configuration
/// push), as opposed to being stopped. <see cref="GatewayRunner"/> looks at it when the host ends.
/// </summary>
internal sealed class GatewayRestart(string configPath)
{
    public string ConfigPath { get; } = configPath;

    public bool Requested { get; private set; }

    public void Request() => Requested = true;
}
