namespace GateEdge.Devices.Framing;

/// <summary>What every decoder does with a frame that fails its length or checksum check.</summary>
internal static class Resync
{
    /// <summary>
    /// Drops only the frame's first byte: the claimed frame may be noise, and a real frame may
    /// start inside it, which the next call then finds at its start marker.
    /// </summary>
    public static DecodeStatus PastFirstByte(DiscardReason why, out int consumed, out DiscardReason reason)
    {
        consumed = 1;
        reason = why;
        return DecodeStatus.Discarded;
    }
}
