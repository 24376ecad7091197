using GateEdge.Devices.Framing;
using GateEdge.Devices.Voice;
using GateEdge.Devices.Voice.Protocol;
using GateEdge.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace GateEdge.Tests.Devices;

/// <summary>The SYN6288 codec, pinned to the vectors of docs/protocols.md §6 (computed independently, with Python's gb2312 codec).</summary>
public sealed class VoiceModuleGoldenVectorTests
{
    [Theory]
    [InlineData("你好", "FD 00 07 01 00 C4 E3 BA C3 A5")]
    [InlineData("体温正常，请通行", "FD 00 13 01 00 CC E5 CE C2 D5 FD B3 A3 A3 AC C7 EB CD A8 D0 D0 B4")]
    public void A_prompt_becomes_the_golden_gb2312_frame(string text, string golden)
    {
        Assert.Equal(golden, Hex.Spaced(Session(new VoiceModuleOptions()).Frame(text)));
    }

    [Fact]
    public void The_status_query_and_stop_frames_are_the_golden_ones()
    {
        Assert.Equal("FD 00 02 21 DE", Hex.Spaced(Syn6288Frames.StatusQuery));
        Assert.Equal("FD 00 02 02 FD", Hex.Spaced(Syn6288Frames.Stop));
    }

    [Fact]
    public void Volume_and_speed_are_marks_before_the_text_and_the_encoding_is_the_parameter_byte()
    {
        var frame = Session(new VoiceModuleOptions { Volume = 8, Speed = 3, Encoding = SpeechEncoding.Unicode }).Frame("好");

        Assert.Equal("FD 00 15 01 03 00 5B 00 76 00 38 00 5D 00 5B 00 74 00 33 00 5D 59 7D", Hex.Spaced(frame[..^1]));
    }

    [Fact]
    public void Text_longer_than_the_module_takes_loses_whole_characters_to_fit_one_frame()
    {
        var frame = Session(new VoiceModuleOptions()).Frame("a" + new string('请', 150));

        // "a" and 99 two-byte characters: 199 bytes; the 100th would make 201.
        Assert.Equal(3 + 1 + 1 + 199 + 1, frame.Length);
        Assert.Equal("a" + new string('请', 99), SpeechEncodings.For(SpeechEncoding.Gb2312).GetString(frame.AsSpan(5, 199)));
    }

    [Fact]
    public void Replies_are_single_bytes_and_anything_else_is_garbage()
    {
        var (frames, discards) = DecoderHarness.Run(new Syn6288ReplyDecoder(), Hex.Bytes("41 00 4F 45 4E FF"));

        Assert.Equal([Syn6288Status.Received, Syn6288Status.Idle, Syn6288Status.Refused, Syn6288Status.Busy], frames.Select(f => f.Status));
        Assert.Equal(2, discards.Count(d => d == DiscardReason.Garbage));
    }

    private static VoiceModuleSession Session(VoiceModuleOptions options) =>
        new(options, new SpeechQueues(TimeProvider.System).For("voice"), NullLogger<VoiceModuleSession>.Instance);
}
