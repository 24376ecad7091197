using GateEdge.Devices.Framing;

namespace GateEdge.Tests.Support;

/// <summary>
/// Feeds a decoder the way the read loop does, in arbitrary chunks, and collects what it
/// produced. Lets codec tests split the same bytes at every offset.
/// </summary>
internal static class DecoderHarness
{
    public static (List<TFrame> Frames, List<DiscardReason> Discards) Run<TFrame>(IFrameDecoder<TFrame> decoder, IEnumerable<byte[]> chunks)
    {
        var frames = new List<TFrame>();
        var discards = new List<DiscardReason>();
        var buffer = new List<byte>();
        foreach (var chunk in chunks)
        {
            buffer.AddRange(chunk);
            while (true)
            {
                var status = decoder.Decode(buffer.ToArray(), out var frame, out int consumed, out var reason);
                if (status == DecodeStatus.NeedMoreData)
                {
                    Assert.Equal(0, consumed);
                    break;
                }

                Assert.True(consumed > 0, "a decoder that returns without consuming would loop forever");
                buffer.RemoveRange(0, consumed);
                if (status == DecodeStatus.Frame)
                {
                    frames.Add(frame!);
                }
                else
                {
                    discards.Add(reason);
                }
            }
        }

        return (frames, discards);
    }

    public static (List<TFrame> Frames, List<DiscardReason> Discards) Run<TFrame>(IFrameDecoder<TFrame> decoder, params byte[] bytes) =>
        Run(decoder, [bytes]);

    /// <summary>The same bytes in two chunks, split at every possible offset.</summary>
    public static IEnumerable<(int Split, byte[][] Chunks)> EverySplit(byte[] bytes)
    {
        for (int split = 0; split <= bytes.Length; split++)
        {
            yield return (split, [bytes[..split], bytes[split..]]);
        }
    }
}
