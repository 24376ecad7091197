namespace GateEdge.Commands;

/// <summary>A command that passed every check (<see cref="CommandParser"/>) and may be carried out; each kind carries exactly what it needs.</summary>
internal abstract record CentreCommand(string Id);

/// <summary>Open a lane's gate once, on an operator's word: signed, recorded, then acted on.</summary>
internal sealed record OpenCommand(string Id, string Lane, string Operator, string Reason) : CentreCommand(Id);

/// <summary>
/// Replace the configuration file, on an operator's word: signed, validated, applied by a restart,
/// rolled back if the gateway cannot come up with it. <see cref="Config"/> is the new file's text,
/// checked only for its signature so far.
/// </summary>
internal sealed record ConfigCommand(string Id, string Operator, string Reason, string Config) : CentreCommand(Id);

/// <summary>Publish the gateway's and devices' retained state again and, with <see cref="Events"/>, those journalled events (a gap the centre found).</summary>
internal sealed record RepublishCommand(string Id, (long First, long Last)? Events = null) : CentreCommand(Id);

/// <summary>The centre holds this gateway's chain up to <see cref="Size"/> with head <see cref="Head"/>: events below it may be pruned.</summary>
internal sealed record CheckpointAckCommand(string Id, long Size, string Head) : CentreCommand(Id);
