namespace GateEdge.Commands;

/// <summary>A command that passed every check and may be carried out.</summary>
internal sealed record ParsedCommand(CommandKind Kind, string Id, string? Operator, string? Reason, string? Lane);
