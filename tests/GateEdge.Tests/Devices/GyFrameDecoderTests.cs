using GateEdge.Devices.Framing;
using GateEdge.Devices.Thermometers.SerialIr.Protocol;
using GateEdge.Tests.Support;

namespace GateEdge.Tests.Devices;

public sealed class GyFrameDecoderTests
{
    // Golden frames from docs/protocols.md §3.2.
    private const string Frame3192 = "5A 5A 45 04 0C 78 0D 19 A7";
    private const string Frame3650 = "5A 5A 45 04 0E 42 09 C4 1A";

    private readonly GyFrameDecoder _decoder = new();

    [Theory]
    [InlineData(Frame3192, "31.92", "33.53")]
    [InlineData(Frame3650, "36.50", "25.00")]
    public void Decodes_the_golden_frames(string hex, string objectC, string ambientC)
    {
        var frame = Assert.Single(DecoderHarness.Run(_decoder, Hex.Bytes(hex)).Frames);
        Assert.Equal(decimal.Parse(objectC, System.Globalization.CultureInfo.InvariantCulture), frame.ObjectC);
        Assert.Equal(decimal.Parse(ambientC, System.Globalization.CultureInfo.InvariantCulture), frame.AmbientC);
    }

    [Fact]
    public void Sends_the_golden_host_commands()
    {
        Assert.Equal(Hex.Bytes("A5 45 EA"), GyProtocol.ContinuousOutput);
        Assert.Equal(Hex.Bytes("A5 15 BA"), GyProtocol.SingleQuery);
        Assert.Equal(0xA7, GyProtocol.Sum(Hex.Bytes("5A 5A 45 04 0C 78 0D 19")));
    }

    [Fact]
    public void Decodes_a_stream_of_frames_split_at_every_offset()
    {
        byte[] stream = [.. Hex.Bytes(Frame3192), .. Hex.Bytes(Frame3650)];
        foreach (var (split, chunks) in DecoderHarness.EverySplit(stream))
        {
            var (frames, discards) = DecoderHarness.Run(_decoder, chunks);
            Assert.True(frames.Count == 2 && discards.Count == 0, $"split at {split}");
            Assert.Equal([31.92m, 36.50m], frames.Select(f => f.ObjectC));
        }
    }

    [Fact]
    public void Skips_garbage_and_bad_sums_and_finds_the_next_frame()
    {
        var bad = Hex.Bytes(Frame3650);
        bad[5] ^= 0x10;
        byte[] stream = [0x00, 0x5A, 0x13, .. bad, 0x5A, .. Hex.Bytes(Frame3192), 0xFF, 0x5A, 0x5A, 0x99, .. Hex.Bytes(Frame3650)];

        var (frames, discards) = DecoderHarness.Run(_decoder, stream);

        Assert.Equal([31.92m, 36.50m], frames.Select(f => f.ObjectC));
        Assert.Contains(DiscardReason.BadChecksum, discards);
        Assert.Contains(DiscardReason.BadLength, discards);
    }

    [Fact]
    public void Reads_values_as_signed()
    {
        byte[] frame = [0x5A, 0x5A, 0x45, 0x04, 0xFF, 0x38, 0x00, 0x64, 0];
        frame[8] = GyProtocol.Sum(frame.AsSpan(0, 8));

        var decoded = Assert.Single(DecoderHarness.Run(_decoder, frame).Frames);

        Assert.Equal(-2.00m, decoded.ObjectC);
        Assert.Equal(1.00m, decoded.AmbientC);
    }

    [Fact]
    public void Every_single_bit_flip_of_a_frame_is_rejected()
    {
        var golden = Hex.Bytes(Frame3650);
        for (int at = 0; at < golden.Length; at++)
        {
            for (int bit = 0; bit < 8; bit++)
            {
                var corrupted = (byte[])golden.Clone();
                corrupted[at] ^= (byte)(1 << bit);
                Assert.Empty(DecoderHarness.Run(_decoder, corrupted).Frames);
            }
        }
    }

    [Fact]
    public void Random_noise_never_throws_and_frames_inside_it_are_all_found()
    {
        var random = new Random(20200402);
        for (int round = 0; round < 2_000; round++)
        {
            var noise = new byte[random.Next(0, 40)];
            random.NextBytes(noise);
            byte[] stream = [.. noise, .. Hex.Bytes(Frame3192)];
            var (frames, _) = DecoderHarness.Run(_decoder, stream);
            Assert.Contains(frames, f => f.ObjectC == 31.92m && f.AmbientC == 33.53m);
        }
    }
}
