using System.Text;
using GateEdge.Devices.CardReaders.AsciiLine.Protocol;
using GateEdge.Devices.Framing;
using GateEdge.Simulator.Devices;
using GateEdge.Tests.Support;

namespace GateEdge.Tests.Devices;

/// <summary>ASCII line readers, pinned to docs/protocols.md §2.2: UID <c>26 DE FA E7</c> printed four ways.</summary>
public sealed class UidLineGoldenVectorTests
{
    private static readonly byte[] Uid = Hex.Bytes("26 DE FA E7");

    [Theory]
    [InlineData("0652147431", UidRadix.Decimal, UidByteOrder.CardOrder)]
    [InlineData("3891977766", UidRadix.Decimal, UidByteOrder.Reversed)]
    [InlineData("26DEFAE7", UidRadix.Hex, UidByteOrder.CardOrder)]
    [InlineData("e7fade26", UidRadix.Hex, UidByteOrder.Reversed)]
    internal void Each_printing_of_the_golden_UID_decodes_to_the_same_card_at_every_split(string printed, UidRadix radix, UidByteOrder order)
    {
        var decoder = new UidLineDecoder(new UidLineFormat(radix, order, 4));
        var bytes = Encoding.ASCII.GetBytes($"{printed}\r\n{printed}\n{printed}\r");
        foreach (var (split, chunks) in DecoderHarness.EverySplit(bytes))
        {
            var (frames, discards) = DecoderHarness.Run(decoder, chunks);
            Assert.True(frames.Count == 3, $"split at {split}");
            Assert.All(frames, f => Assert.Equal(Uid, f));
            Assert.All(discards, d => Assert.Equal(DiscardReason.None, d));
        }
    }

    [Fact]
    public void The_simulator_prints_the_golden_UID_as_the_vectors_say()
    {
        Assert.Equal("0652147431", SimulatedAsciiLineReader.Print(Uid, hex: false, reversed: false));
        Assert.Equal("3891977766", SimulatedAsciiLineReader.Print(Uid, hex: false, reversed: true));
    }

    [Theory]
    [InlineData("065214743X", DiscardReason.Malformed)]
    [InlineData("4294967296", DiscardReason.BadLength)]   // 2^32: five bytes in a four-byte reader
    [InlineData("26DEFAE7", DiscardReason.Malformed)]     // hex on a decimal reader
    [InlineData("123456789012345678901", DiscardReason.BadLength)]
    internal void Impossible_lines_are_refused_with_their_reason(string printed, DiscardReason reason)
    {
        var (frames, discards) = DecoderHarness.Run(new UidLineDecoder(new UidLineFormat(UidRadix.Decimal, UidByteOrder.CardOrder, 4)), Encoding.ASCII.GetBytes(printed + "\r\n"));

        Assert.Empty(frames);
        Assert.Contains(reason, discards);
    }

    [Fact]
    public void Noise_without_line_ends_is_dropped_but_a_line_arriving_behind_it_is_kept()
    {
        var decoder = new UidLineDecoder(new UidLineFormat(UidRadix.Decimal, UidByteOrder.CardOrder, 4));
        var (frames, discards) = DecoderHarness.Run(decoder, [Enumerable.Repeat((byte)'x', 100).ToArray(), [(byte)'\n', .. "0652147431\r\n"u8]]);

        Assert.Equal(Uid, Assert.Single(frames));
        Assert.Contains(DiscardReason.Garbage, discards);
    }
}
