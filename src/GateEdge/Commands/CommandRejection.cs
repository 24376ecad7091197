namespace GateEdge.Commands;

/// <summary>Why a command was refused; <see cref="Id"/> is the command's id when it could be read.</summary>
internal sealed record CommandRejection(string? Id, string Reason);
