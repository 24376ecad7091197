namespace GateEdge.Devices.Framing;

/// <summary>
/// A pure, synchronous frame decoder: it never blocks, never throws on bad input and returns
/// frames that own their bytes. One shared read loop (<see cref="FrameReader{TFrame}"/>) feeds it.
/// </summary>
internal interface IFrameDecoder<TFrame>
{
    /// <summary>Upper bound of one frame on the wire; the read buffer is sized from it.</summary>
    int MaxFrameLength { get; }

    DecodeStatus Decode(ReadOnlySpan<byte> input, out TFrame? frame, out int consumed, out DiscardReason reason);
}
