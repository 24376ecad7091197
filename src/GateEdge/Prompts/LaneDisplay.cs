namespace GateEdge.Prompts;

/// <summary>
/// What one lane shows now, as its page receives it (server-sent events, docs/lane-prompts.md).
/// <see cref="Serial"/> increases with every prompt of the lane; <see cref="HoldSeconds"/> is how
/// long the page keeps a decision before it shows <see cref="ReadyText"/> again (0: keep it).
/// </summary>
internal sealed record LaneDisplay(
    string Lane,
    long Serial,
    string Language,
    string Prompt,
    string Text,
    string Tone,
    decimal? TemperatureC,
    string? Name,
    DateTimeOffset At,
    int HoldSeconds,
    string ReadyText);
