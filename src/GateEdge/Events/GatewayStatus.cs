namespace GateEdge.Events;

/// <summary>
/// The retained gateway status (schema <c>gateedge.status/1</c>): <c>online</c> on every
/// connect, <c>offline</c> as the broker-delivered last will.
/// </summary>
internal sealed record GatewayStatus(string Schema, string Gateway, string State, DateTimeOffset Time)
{
    public const string SchemaId = "gateedge.status/1";
}
