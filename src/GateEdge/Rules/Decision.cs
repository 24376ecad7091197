namespace GateEdge.Rules;

/// <summary>
/// The result of the rules for one attempt. <see cref="Rules"/> and <see cref="Reasons"/> name the
/// verdicts that produced <see cref="Outcome"/>, so every refusal can be justified;
/// <see cref="Codes"/> are the same reasons as stable codes, in the same order.
/// </summary>
internal sealed record Decision(
    Outcome Outcome,
    IReadOnlyList<string> Rules,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<ReasonCode> Codes,
    IReadOnlyList<AlarmKind> Alarms,
    IReadOnlyList<RuleVerdict> Verdicts,
    PersonClassification PersonClass,
    TemperatureStatus TemperatureStatus,
    TemperatureFlow NextFlow);
