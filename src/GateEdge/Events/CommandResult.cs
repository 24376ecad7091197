namespace GateEdge.Events;

/// <summary>The answer to one command (schema <c>gateedge.command-result/1</c>): <c>done</c> or <c>rejected</c> with the reason.</summary>
internal sealed record CommandResult(string Schema, string Gateway, string? Id, string Command, string Status, string? Reason, DateTimeOffset Time)
{
    public const string SchemaId = "gateedge.command-result/1";

    public static CommandResult Of(string gateway, string? id, string command, string status, string? reason, DateTimeOffset time) =>
        new(SchemaId, gateway, id, command.Length > 40 ? command[..40] : command, status, reason, time);
}
