namespace GateEdge.Commands;

internal enum CommandKind
{
    /// <summary>Open a lane's gate once, on an operator's word: signed, recorded, then acted on.</summary>
    Open,

    /// <summary>Publish the gateway's and devices' retained state again.</summary>
    Republish,

    /// <summary>Replace the configuration file, on an operator's word: signed, validated, applied by a restart, rolled back if the gateway cannot come up with it.</summary>
    Config,
}
