using GateEdge.Devices.Health;

namespace GateEdge.Events;

/// <summary>
/// The retained health of one device (schema <c>gateedge.device/1</c>), republished on change and on
/// every connect. The counters run since the gateway started; a technician compares two of them.
/// </summary>
internal sealed record DeviceStatus(string Schema, string Gateway, string Device, string State, string? Reason, DateTimeOffset Since,
    DateTimeOffset? LastFrameAt, DeviceStatus.Tally? Counters)
{
    public const string SchemaId = "gateedge.device/1";

    public static DeviceStatus Of(string gateway, DeviceHealth health) => new(SchemaId, gateway, health.Device, Wire.Of(health.State), health.Reason, health.Since,
        health.Counters?.LastFrameAt,
        health.Counters is { } c ? new Tally(c.Frames, c.BadFrames, c.GarbageBytes, c.SilentPolls, c.Disconnects) : null);

    internal sealed record Tally(long Frames, long BadFrames, long GarbageBytes, long SilentPolls, long Disconnects);
}
