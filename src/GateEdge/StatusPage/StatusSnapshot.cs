using System.Text.Json.Serialization;
using GateEdge.Configuration;
using GateEdge.Status;

namespace GateEdge.StatusPage;

/// <summary>Everything the status page shows, as <c>/api/status</c> returns it.</summary>
internal sealed record StatusSnapshot(
    StatusSnapshot.GatewayPart Gateway,
    StatusSnapshot.BrokerPart Broker,
    StatusSnapshot.JournalPart Journal,
    IReadOnlyList<StatusSnapshot.LanePart> Lanes,
    IReadOnlyList<StatusSnapshot.DevicePart> Devices,
    IReadOnlyList<DecisionSummary> Decisions,
    IReadOnlyList<StatusSnapshot.ListPart> Lists)
{
    /// <param name="ClockSynchronised">The wall clock is synchronised to a time source; null when that cannot be told.</param>
    internal sealed record GatewayPart(string Id, string Compound, string Gate, DateTimeOffset Now, string Version, DateTimeOffset StartedAt, bool? ClockSynchronised);

    /// <param name="IdentityClash">Another box uses this gateway's id (the broker handed it this gateway's session within the last hour); null when none did.</param>
    internal sealed record BrokerPart(string Address, bool Connected, DateTimeOffset? Since, string? Problem, string? IdentityClash);

    /// <param name="RecordingProblem">Why attempts cannot be recorded now; null when they can.</param>
    /// <param name="SizeAlarm">The journal holds its alarm share of its size cap or more.</param>
    internal sealed record JournalPart(long LastSeq, long Backlog, bool BacklogAlarm, string? RecordingProblem, bool SizeAlarm);

    /// <param name="Guard">At an attended lane, the guard on duty; null when none signed on (or the lane is unattended).</param>
    /// <param name="Waiting">The referred attempt waiting for the guard's key, if any.</param>
    internal sealed record LanePart(string Id, string Direction, string Mode, IReadOnlyList<string> Devices, string? Guard, WaitingReferral? Waiting);

    internal sealed record DevicePart(string Name, string State, string? Reason, DateTimeOffset Since, long Frames, long BadFrames, long MissedReplies, long Disconnects);

    internal sealed record ListPart(string Name, long Version, bool Stale);
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(StatusSnapshot))]
[JsonSerializable(typeof(Prompts.LaneDisplay))]
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class StatusJson : JsonSerializerContext;
