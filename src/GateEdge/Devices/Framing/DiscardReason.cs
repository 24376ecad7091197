namespace GateEdge.Devices.Framing;

internal enum DiscardReason
{
    /// <summary>Bytes the protocol allows between frames (line ends): consumed, not counted.</summary>
    None,
    Garbage,
    BadLength,
    BadChecksum,

    /// <summary>A frame of the right shape whose content is impossible (a letter in a decimal UID).</summary>
    Malformed,

    /// <summary>The start of a frame whose rest had not come when a reply timed out (a stray header in line noise).</summary>
    Truncated,

    /// <summary>A whole frame in a mode this gateway does not speak (an OSDP secure-channel packet): the device is set up differently from its configuration.</summary>
    Unsupported,
}
