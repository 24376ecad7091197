using GateEdge.Journal;
using GateEdge.Rules;

namespace GateEdge.Lanes;

/// <summary>A guard signed on (replacing <see cref="Previous"/>, if any) or off duty at a lane.</summary>
internal sealed record GuardDutyChange(LaneOptions Lane, string Guard, bool SignOn, string? Previous, DateTimeOffset At);

/// <summary>The guard's decision on the referred passage <see cref="Passage"/>, which stays as recorded.</summary>
internal sealed record GuardOverride(LaneOptions Lane, EventStamp Passage, string? Guard, GuardVerdict Verdict, string Reason, DateTimeOffset At);
