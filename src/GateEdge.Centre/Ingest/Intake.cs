namespace GateEdge.Centre.Ingest;

/// <summary>What one received message becomes at the centre: an event to store, a signed checkpoint, or a rejection.</summary>
internal abstract record Intake(string Gateway, string Topic);

/// <summary>Where a gateway's messages come from: <c>{root}/{compound}/{gate}/{gateway}/…</c>.</summary>
internal readonly record struct GatewayPlace(string Compound, string Gate, string Gateway);

/// <summary>A journalled event whose signature held (or a redacted copy, which only the next link can vouch for).</summary>
internal sealed record EventIntake(GatewayPlace Place, string Topic, long Seq, string Kind, Guid? Id, string Prev, byte[] Hash, string Header, byte[] Body,
    string? Lane, string? Direction, DateTimeOffset? Time, string? Outcome, string? CredentialKind, string? CredentialMasked, string? CredentialSealed,
    string? PersonRef, string? PersonClass, long? ForSeq, string? Relay, EventClock Clock) : Intake(Place.Gateway, Topic);

/// <summary>An event's <c>clock</c>: synchronised or not, the box's boot and the monotonic seconds since it; each null when the event does not say.</summary>
internal readonly record struct EventClock(bool? Synced, Guid? Boot, double? Uptime);

/// <summary>A checkpoint whose signature held.</summary>
internal sealed record CheckpointIntake(GatewayPlace Place, string Topic, long Size, string Head, DateTimeOffset Time, byte[] Message) : Intake(Place.Gateway, Topic);

/// <summary>A message that cannot be part of the record: stored as an alarm with its bytes, never as an event.</summary>
internal sealed record RejectedIntake(string Gateway, string Topic, long? Seq, string Kind, string Detail, byte[] Message) : Intake(Gateway, Topic);
