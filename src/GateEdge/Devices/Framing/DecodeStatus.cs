namespace GateEdge.Devices.Framing;

/// <summary>What a decoder made of the bytes at the front of its input.</summary>
internal enum DecodeStatus
{
    /// <summary>The input holds no complete frame yet; nothing was consumed.</summary>
    NeedMoreData,

    /// <summary>A whole, checked frame was decoded and consumed.</summary>
    Frame,

    /// <summary>Bytes were consumed without a frame: garbage before a start marker, or a frame
    /// that failed its length or checksum check (the decoder resyncs one byte past its start).</summary>
    Discarded,
}
