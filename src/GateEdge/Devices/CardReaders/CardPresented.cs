namespace GateEdge.Devices.CardReaders;

/// <summary>A card read from a reader. The holder's name stays on the gateway (masked on the way out).</summary>
internal sealed record CardPresented(string Device, Credential Credential, string? HolderName, DateTimeOffset At);
