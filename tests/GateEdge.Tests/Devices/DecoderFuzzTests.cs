using GateEdge.Devices.CardReaders.AsciiLine.Protocol;
using GateEdge.Devices.CardReaders.IdCard.Protocol;
using GateEdge.Devices.CardReaders.Osdp.Protocol;
using GateEdge.Devices.CardReaders.Rdm6300.Protocol;
using GateEdge.Devices.CardReaders.Wiegand.Protocol;
using GateEdge.Devices.Framing;
using GateEdge.Devices.Thermometers.Mlx90614.Protocol;
using GateEdge.Devices.Thermometers.Modbus.Protocol;
using GateEdge.Devices.Thermometers.SerialIr.Protocol;
using GateEdge.Tests.Support;
using GateEdge.Simulator.Devices;

namespace GateEdge.Tests.Devices;

/// <summary>
/// 100,000 random and mutated inputs per decoder: nothing throws, every call either waits
/// without consuming or consumes something, and a golden frame with one byte changed is
/// never accepted as that frame.
/// </summary>
public sealed class DecoderFuzzTests
{
    private const int Rounds = 100_000;

    [Fact]
    public void Sam_replies() => Fuzz(new SamResponseDecoder(), Hex.Bytes("AA AA AA 96 69 00 0C 00 00 90 00 00 00 00 00 00 00 00 9C"), f => $"{f.Status}:{Hex.Of(f.Data)}");

    [Fact]
    public void Serial_ir_frames() => Fuzz(new GyFrameDecoder(), Hex.Bytes("5A 5A 45 04 0E 42 09 C4 1A"), f => $"{f.ObjectC}/{f.AmbientC}");

    [Fact]
    public void Rdm6300_frames() => Fuzz(new Rdm6300FrameDecoder(), Hex.Bytes("02 31 34 30 30 38 45 43 37 39 33 43 45 03"), f => f.Tag);

    [Fact]
    public void Modbus_replies() => Fuzz(new ModbusReplyDecoder(), Hex.Bytes("01 03 02 01 6D 78 39"), f => $"{f.Address}:{f.Function}:{string.Join(",", f.Registers)}:{f.ExceptionCode}");

    [Fact]
    public void Osdp_packets() => Fuzz(new OsdpPacketDecoder(), Hex.Bytes("FF 53 80 10 00 05 50 00 01 1A 00 BD 88 EB 80 CD 65"), f => $"{f.Address}:{f.IsReply}:{f.Sequence}:{f.Code}:{Hex.Of(f.Data)}",
        firstSignificant: 1); // the FF mark is line conditioning, not part of the packet

    [Fact]
    public void Uid_lines() => Fuzz(new UidLineDecoder(new UidLineFormat(UidRadix.Decimal, UidByteOrder.Reversed, 4)), "3891977766\r\n"u8.ToArray(), Convert.ToHexString,
        lastSignificant: 10); // CR and LF both end a line: swapping one for the other is the same line

    [Fact]
    public void Mlx90614_words()
    {
        var golden = Hex.Bytes("7A 3C 92");
        var random = new Random(90614);
        var word = new byte[3];
        for (int round = 0; round < Rounds; round++)
        {
            random.NextBytes(word);
            if (round % 2 == 1)
            {
                golden.CopyTo(word, 0);
                word[random.Next(3)] ^= (byte)random.Next(1, 256);
            }

            var celsius = Mlx90614Word.TryCelsius(0x5A, Mlx90614Word.ObjectRam, word, out _);
            Assert.True(celsius is null or (>= -273.15m and <= 382.19m), $"{Hex.Of(word)} read as {celsius}");
            Assert.True(round % 2 == 0 || celsius != 36.49m, $"corrupted {Hex.Of(word)} accepted as the golden reading");
        }
    }

    [Fact]
    public void Wiegand_frames()
    {
        var golden = WiegandCardBits.For("123/4567");
        var random = new Random(26);
        for (int round = 0; round < Rounds; round++)
        {
            bool[] bits;
            if (round % 2 == 0)
            {
                bits = new bool[random.Next(0, 40)];
                for (int i = 0; i < bits.Length; i++)
                {
                    bits[i] = random.Next(2) == 1;
                }
            }
            else
            {
                // One bit flipped: parity catches it. (Two flips in one half cancel out; Wiegand cannot see that.)
                bits = (bool[])golden.Clone();
                bits[random.Next(bits.Length)] ^= true;
            }

            var card = WiegandFormat.TryDecode(bits);
            Assert.True(card is null || bits.Length is 26 or 34);
            Assert.True(round % 2 == 0 || card is null, "a frame with a flipped bit was accepted");
        }
    }

    private static void Fuzz<TFrame>(IFrameDecoder<TFrame> decoder, byte[] golden, Func<TFrame, string> identity, int firstSignificant = 0, int? lastSignificant = null)
    {
        var original = identity(Assert.Single(DecoderHarness.Run(decoder, golden).Frames));
        var random = new Random(golden.Length * 7919);
        for (int round = 0; round < Rounds; round++)
        {
            var input = round % 2 == 0 ? Noise(random) : Mutated(golden, random, firstSignificant, lastSignificant ?? golden.Length);
            int offset = 0;
            while (offset < input.Length)
            {
                var status = decoder.Decode(input.AsSpan(offset), out var frame, out int consumed, out _);
                if (status == DecodeStatus.NeedMoreData)
                {
                    Assert.Equal(0, consumed);
                    break;
                }

                Assert.InRange(consumed, 1, input.Length - offset);
                if (status == DecodeStatus.Frame && round % 2 == 1)
                {
                    Assert.NotEqual(original, identity(frame!));
                }

                offset += consumed;
            }
        }
    }

    private static byte[] Noise(Random random)
    {
        var noise = new byte[random.Next(0, 64)];
        random.NextBytes(noise);
        return noise;
    }

    /// <summary>The golden frame with exactly one significant byte changed, after random noise.</summary>
    private static byte[] Mutated(byte[] golden, Random random, int firstSignificant, int lastSignificant)
    {
        var frame = (byte[])golden.Clone();
        int position = random.Next(firstSignificant, lastSignificant);
        frame[position] = (byte)(frame[position] ^ random.Next(1, 256));
        return [.. Noise(random), .. frame];
    }
}
