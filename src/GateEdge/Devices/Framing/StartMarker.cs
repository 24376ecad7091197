namespace GateEdge.Devices.Framing;

/// <summary>Finding a frame's start marker in a byte stream, shared by every decoder.</summary>
internal static class StartMarker
{
    /// <summary>
    /// Returns how many leading bytes can be dropped because no frame can start in them:
    /// 0 when the input starts with the marker (or with a prefix of it at the very end).
    /// </summary>
    public static int GarbageBefore(ReadOnlySpan<byte> input, ReadOnlySpan<byte> marker)
    {
        int found = input.IndexOf(marker);
        if (found >= 0)
        {
            return found;
        }

        // Keep a tail that might be the first bytes of a marker split across reads.
        int keep = Math.Min(marker.Length - 1, input.Length);
        while (keep > 0 && !input[^keep..].SequenceEqual(marker[..keep]))
        {
            keep--;
        }

        return input.Length - keep;
    }
}
