using GateEdge.Devices.CardReaders.IdCard.Protocol;
using GateEdge.Devices.Framing;
using GateEdge.Tests.Support;

namespace GateEdge.Tests.Devices;

public sealed class SamResponseDecoderTests
{
    // Golden replies from docs/protocols.md §1.
    private const string FindOk = "AA AA AA 96 69 00 08 00 00 9F 00 00 00 00 97";
    private const string SelectOk = "AA AA AA 96 69 00 0C 00 00 90 00 00 00 00 00 00 00 00 9C";
    private const string NoCard = "AA AA AA 96 69 00 04 00 00 80 84";
    private const string ReadFailed = "AA AA AA 96 69 00 04 00 00 41 45";

    private readonly SamResponseDecoder _decoder = new();

    [Theory]
    [InlineData(FindOk, 0x9F, 4)]
    [InlineData(SelectOk, 0x90, 8)]
    [InlineData(NoCard, 0x80, 0)]
    [InlineData(ReadFailed, 0x41, 0)]
    public void Decodes_the_golden_replies(string hex, byte sw3, int dataLength)
    {
        var (frames, discards) = DecoderHarness.Run(_decoder, Hex.Bytes(hex));

        var frame = Assert.Single(frames);
        Assert.Equal(sw3, (byte)frame.Status);
        Assert.Equal(dataLength, frame.Data.Length);
        Assert.Empty(discards);
    }

    [Theory]
    [InlineData("10 FF", "AA AA AA 96 69 00 03 10 FF EC")]
    [InlineData("11 FF", "AA AA AA 96 69 00 03 11 FF ED")]
    [InlineData("12 FF", "AA AA AA 96 69 00 03 12 FF EE")]
    [InlineData("20 01", "AA AA AA 96 69 00 03 20 01 22")]
    [InlineData("20 02", "AA AA AA 96 69 00 03 20 02 21")]
    [InlineData("30 01", "AA AA AA 96 69 00 03 30 01 32")]
    [InlineData("30 10", "AA AA AA 96 69 00 03 30 10 23")]
    public void Builds_the_golden_commands(string cmdPara, string expected)
    {
        var p = Hex.Bytes(cmdPara);
        Assert.Equal(expected.Replace(" ", ""), Hex.Of(SamFrame.Command(p[0], p[1])));
    }

    [Fact]
    public void The_command_table_is_the_golden_one()
    {
        Assert.Equal(Hex.Bytes("AA AA AA 96 69 00 03 20 01 22"), SamCommands.FindCard);
        Assert.Equal(Hex.Bytes("AA AA AA 96 69 00 03 20 02 21"), SamCommands.SelectCard);
        Assert.Equal(Hex.Bytes("AA AA AA 96 69 00 03 30 01 32"), SamCommands.ReadTextAndPhoto);
        Assert.Equal(Hex.Bytes("AA AA AA 96 69 00 03 11 FF ED"), SamCommands.SamStatus);
    }

    [Fact]
    public void Decodes_the_1295_byte_read_reply_at_every_split()
    {
        var reply = GoldenReadReply();
        Assert.Equal(1295, reply.Length);

        foreach (var (split, chunks) in DecoderHarness.EverySplit(reply))
        {
            var (frames, discards) = DecoderHarness.Run(_decoder, chunks);
            var frame = Assert.Single(frames);
            Assert.True(discards.Count == 0, $"split at {split}");
            Assert.Equal(SamStatus.Ok, frame.Status);
            Assert.Equal(1284, frame.Data.Length);
        }
    }

    [Fact]
    public void Finds_frames_between_garbage_and_resyncs_after_a_bad_checksum()
    {
        var badChecksum = Hex.Bytes(NoCard);
        badChecksum[^1] ^= 0x01;
        byte[] stream = [.. Hex.Bytes("00 FF AA 13 AA AA"), .. Hex.Bytes(FindOk), .. Hex.Bytes("96 69 42"), .. badChecksum, .. Hex.Bytes(SelectOk)];

        var (frames, discards) = DecoderHarness.Run(_decoder, stream);

        Assert.Equal([SamStatus.CardFound, SamStatus.Ok], frames.Select(f => f.Status));
        Assert.Contains(DiscardReason.BadChecksum, discards);
        Assert.Contains(DiscardReason.Garbage, discards);
    }

    [Fact]
    public void Rejects_an_oversized_length_without_waiting_for_it_and_finds_the_next_frame()
    {
        byte[] stream = [.. Hex.Bytes("AA AA AA 96 69 FF FF 00 00 90"), .. Hex.Bytes(NoCard)];

        var (frames, discards) = DecoderHarness.Run(_decoder, stream);

        Assert.Equal(SamStatus.FindFailed, Assert.Single(frames).Status);
        Assert.Contains(DiscardReason.BadLength, discards);
    }

    [Fact]
    public void A_truncated_frame_waits_for_more_and_consumes_nothing()
    {
        var whole = Hex.Bytes(SelectOk);
        for (int length = 0; length < whole.Length; length++)
        {
            var status = _decoder.Decode(whole.AsSpan(0, length), out var frame, out int consumed, out _);
            Assert.Equal(DecodeStatus.NeedMoreData, status);
            Assert.Null(frame);
            Assert.Equal(0, consumed);
        }
    }

    [Fact]
    public void Every_single_byte_corruption_of_a_reply_is_rejected()
    {
        var golden = Hex.Bytes(SelectOk);
        for (int at = 5; at < golden.Length; at++)
        {
            for (int bit = 0; bit < 8; bit++)
            {
                var corrupted = (byte[])golden.Clone();
                corrupted[at] ^= (byte)(1 << bit);
                var (frames, _) = DecoderHarness.Run(_decoder, corrupted);
                Assert.DoesNotContain(frames, f => f.Status == SamStatus.Ok && f.Data.Length == 8);
            }
        }
    }

    /// <summary>The documented header (docs/protocols.md §1), a text block, a photo and the XOR checksum.</summary>
    internal static byte[] GoldenReadReply(byte[]? text = null)
    {
        var header = Hex.Bytes("AA AA AA 96 69 05 08 00 00 90 01 00 04 00");
        text ??= IdCardTextTests.TextBlock("张三", "11010519491231002X");
        var photo = Enumerable.Range(0, 1024).Select(i => (byte)i).ToArray();
        byte[] withoutChk = [.. header, .. text, .. photo];
        byte chk = 0;
        for (int i = 5; i < withoutChk.Length; i++)
        {
            chk ^= withoutChk[i];
        }

        return [.. withoutChk, chk];
    }
}
