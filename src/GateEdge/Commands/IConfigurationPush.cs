namespace GateEdge.Commands;

/// <summary>
/// Carries out a verified <c>config</c> command. The host implements it (it checks the file as
/// <c>config check</c> would and restarts with it), so the commands never reach up into hosting.
/// </summary>
internal interface IConfigurationPush
{
    /// <summary>Null when the push is being applied; otherwise why it was refused.</summary>
    string? Apply(ConfigCommand push);
}
