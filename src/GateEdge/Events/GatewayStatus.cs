namespace GateEdge.Events;

/// <summary>
/// The retained gateway status (schema <c>gateedge.status/1</c>): <c>online</c> on every
/// connect, <c>offline</c> as the broker-delivered last will. Republished when the journal starts
/// or stops failing: <c>recordingProblem</c> says why attempts cannot be recorded (null when they can).
/// </summary>
internal sealed record GatewayStatus(string Schema, string Gateway, string State, DateTimeOffset Time, string? RecordingProblem = null)
{
    public const string SchemaId = "gateedge.status/1";
}
