namespace GateEdge.Prompts;

/// <summary>What the prompts need of a lane: its id, the language it speaks and its voice module.</summary>
internal sealed record PromptedLane(string Id, string? Language, string? Voice);
