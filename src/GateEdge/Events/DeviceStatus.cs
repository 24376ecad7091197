namespace GateEdge.Events;

/// <summary>The retained health of one device (schema <c>gateedge.device/1</c>), republished on change and on every connect.</summary>
internal sealed record DeviceStatus(string Schema, string Gateway, string Device, string State, string? Reason, DateTimeOffset Since)
{
    public const string SchemaId = "gateedge.device/1";
}
