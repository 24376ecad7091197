namespace GateEdge.Commands;

/// <summary>A command that passed every check and may be carried out.</summary>
/// <param name="Config">For <see cref="CommandKind.Config"/>: the new configuration file's text, checked only for its signature so far.</param>
internal sealed record ParsedCommand(CommandKind Kind, string Id, string? Operator, string? Reason, string? Lane, string? Config = null);
