namespace GateEdge.Devices.Thermometers;

/// <summary>
/// One reading. <see cref="BodyC"/> is what the rules judge; the raw object and ambient values
/// travel with it so a disputed decision can be checked later (docs/protocols.md §3.2); heads that
/// report no ambient value leave it null.
/// <see cref="HasTarget"/> is false when nobody stands in front of the sensor.
/// </summary>
internal sealed record ThermometerReading(string Device, decimal BodyC, decimal ObjectC, decimal? AmbientC, bool HasTarget, DateTimeOffset At);
