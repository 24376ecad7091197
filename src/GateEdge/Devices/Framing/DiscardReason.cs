namespace GateEdge.Devices.Framing;

internal enum DiscardReason
{
    None,
    Garbage,
    BadLength,
    BadChecksum,
}
