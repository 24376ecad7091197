using GateEdge.Devices.Framing;

namespace GateEdge.Devices.Voice.Protocol;

/// <summary>The one-byte answers of a SYN6288-family module.</summary>
internal enum Syn6288Status : byte
{
    /// <summary>The frame was received and taken.</summary>
    Received = 0x41,

    /// <summary>The frame was refused (a bad frame).</summary>
    Refused = 0x45,

    /// <summary>The module is speaking: it cannot take the frame.</summary>
    Busy = 0x4E,

    /// <summary>The module is idle: it finished speaking, or answers a status query.</summary>
    Idle = 0x4F,
}

internal sealed record Syn6288Reply(Syn6288Status Status)
{
    private static readonly Syn6288Reply[] Known = [.. Enum.GetValues<Syn6288Status>().Select(s => new Syn6288Reply(s))];

    public static Syn6288Reply Of(Syn6288Status status) => Known.First(r => r.Status == status);
}

/// <summary>Reads the module's answers: each known byte is a frame, anything else garbage.</summary>
internal sealed class Syn6288ReplyDecoder : IFrameDecoder<Syn6288Reply>
{
    public int MaxFrameLength => 1;

    public DecodeStatus Decode(ReadOnlySpan<byte> input, out Syn6288Reply? frame, out int consumed, out DiscardReason reason)
    {
        frame = null;
        reason = DiscardReason.None;
        consumed = 0;
        if (input.IsEmpty)
        {
            return DecodeStatus.NeedMoreData;
        }

        consumed = 1;
        if (Enum.IsDefined((Syn6288Status)input[0]))
        {
            frame = Syn6288Reply.Of((Syn6288Status)input[0]);
            return DecodeStatus.Frame;
        }

        reason = DiscardReason.Garbage;
        return DecodeStatus.Discarded;
    }
}
