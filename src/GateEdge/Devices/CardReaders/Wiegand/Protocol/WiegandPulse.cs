namespace GateEdge.Devices.CardReaders.Wiegand.Protocol;

/// <summary>One data pulse: on D1 (<see cref="One"/>) or D0, at a time on the edge source's own monotonic clock.</summary>
internal readonly record struct WiegandPulse(bool One, TimeSpan At);
