using GateEdge.Devices.CardReaders.Osdp.Protocol;
using GateEdge.Devices.CardReaders.Rdm6300.Protocol;
using GateEdge.Devices.CardReaders.Wiegand.Protocol;
using GateEdge.Devices.Framing;
using GateEdge.Devices.Thermometers.Mlx90614.Protocol;
using GateEdge.Devices.Thermometers.Modbus.Protocol;
using GateEdge.Simulator.Devices;
using GateEdge.Tests.Support;

namespace GateEdge.Tests.Devices;

/// <summary>Every other device family's codec, pinned to the vectors of docs/protocols.md §2–§3 and §5.</summary>
public sealed class MoreCodecGoldenVectorTests
{
    private const string Rdm6300Golden = "02 31 34 30 30 38 45 43 37 39 33 43 45 03";
    private const string OsdpCardReadGolden = "FF 53 80 10 00 05 50 00 01 1A 00 BD 88 EB 80 CD 65";

    [Fact]
    public void Rdm6300_decodes_the_golden_tag_at_every_split_and_rejects_every_single_bit_flip()
    {
        var golden = Hex.Bytes(Rdm6300Golden);
        foreach (var (split, chunks) in DecoderHarness.EverySplit([0x30, .. golden, 0x0D, .. golden]))
        {
            var frames = DecoderHarness.Run(new Rdm6300FrameDecoder(), chunks).Frames;
            Assert.True(frames.Count == 2, $"split at {split}");
            Assert.All(frames, f => Assert.Equal("14008EC793", f.Tag));
        }

        for (int at = 1; at < golden.Length; at++)
        {
            for (int bit = 0; bit < 8; bit++)
            {
                var corrupted = (byte[])golden.Clone();
                corrupted[at] ^= (byte)(1 << bit);
                Assert.DoesNotContain(DecoderHarness.Run(new Rdm6300FrameDecoder(), corrupted).Frames, f => f.Tag == "14008EC793");
            }
        }
    }

    [Fact]
    public void Modbus_builds_the_golden_request_and_decodes_the_golden_reply_and_exception()
    {
        Assert.Equal(Hex.Bytes("01 03 00 00 00 01 84 0A"), ModbusRtu.ReadHolding(1, 0, 1));

        var (frames, _) = DecoderHarness.Run(new ModbusReplyDecoder(), [.. Hex.Bytes("01 03 02 01 6D 78 39"), .. Hex.Bytes("01 83 02 C0 F1")]);

        Assert.Equal(2, frames.Count);
        Assert.Equal([(ushort)365], frames[0].Registers);
        Assert.Equal((byte)0x02, frames[1].ExceptionCode);
    }

    [Fact]
    public void Modbus_reply_split_anywhere_or_corrupted_anywhere_is_handled()
    {
        var golden = Hex.Bytes("01 03 02 01 6D 78 39");
        foreach (var (split, chunks) in DecoderHarness.EverySplit(golden))
        {
            Assert.True(DecoderHarness.Run(new ModbusReplyDecoder(), chunks).Frames.Count == 1, $"split at {split}");
        }

        for (int at = 0; at < golden.Length; at++)
        {
            var corrupted = (byte[])golden.Clone();
            corrupted[at] ^= 0x01;
            Assert.DoesNotContain(DecoderHarness.Run(new ModbusReplyDecoder(), corrupted).Frames, f => f.Registers is [365]);
        }
    }

    [Fact]
    public void Osdp_builds_the_golden_poll_and_id_commands()
    {
        Assert.Equal(Hex.Bytes("FF 53 65 08 00 04 60 60 90"), OsdpWire.Command(0x65, 0, OsdpCommand.Poll));
        Assert.Equal(Hex.Bytes("FF 53 65 09 00 04 61 00 D9 7A"), OsdpWire.Command(0x65, 0, OsdpCommand.IdReport, [0x00]));
        Assert.Equal((ushort)0x9060, OsdpCrc.Compute(Hex.Bytes("53 65 08 00 04 60")));
        Assert.Equal([1, 2, 3, 1], new[] { 0, 1, 2, 3 }.Select(OsdpWire.Next));
    }

    [Fact]
    public void Osdp_decodes_the_golden_card_read_reply_to_the_golden_W26_card()
    {
        var packet = Assert.Single(DecoderHarness.Run(new OsdpPacketDecoder(), Hex.Bytes(OsdpCardReadGolden)).Frames);

        Assert.Equal((0, true, 1, true), (packet.Address, packet.IsReply, packet.Sequence, packet.Is(OsdpReply.RawCardRead)));
        var read = OsdpCardRead.TryParse(packet.Data)!;
        Assert.Equal(26, read.BitCount);
        var bits = Enumerable.Range(0, 26).Select(i => (read.Bits[i / 8] >> (7 - (i % 8)) & 1) == 1).ToArray();
        Assert.Equal(new WiegandCard(26, 123, 4567), WiegandFormat.TryDecode(bits));
        Assert.Equal(Hex.Bytes(OsdpCardReadGolden), OsdpWire.Reply(0, 1, OsdpReply.RawCardRead, packet.Data));
    }

    [Fact]
    public void Osdp_decodes_libosdps_published_identity_reply()
    {
        // libosdp tests/unit-tests/test-cp-fsm.c: the PD at 0x65 answers osdp_ID with this osdp_PDID.
        var packet = Assert.Single(DecoderHarness.Run(new OsdpPacketDecoder(),
            Hex.Bytes("FF 53 E5 14 00 04 45 A1 A2 A3 B1 C1 D1 D2 D3 D4 E1 E2 E3 F8 D9")).Frames);

        Assert.True(packet.Is(OsdpReply.PdId));
        Assert.Equal(new OsdpReaderIdentity(0xA3A2A1, 0xB1, 0xC1, 0xD4D3D2D1, 0xE1, 0xE2, 0xE3), OsdpReaderIdentity.TryParse(packet.Data));
        Assert.Null(OsdpReaderIdentity.TryParse(packet.Data.AsSpan(1)));
        Assert.Equal("vendor A3A2A1 model 177 version 193 serial 3570651857 firmware 225.226.227", OsdpReaderIdentity.TryParse(packet.Data)!.ToString());
    }

    [Fact]
    public void The_simulated_OSDP_reader_sends_the_golden_card_read_and_W26_bits()
    {
        Assert.Equal(Hex.Bytes(OsdpCardReadGolden), SimulatedOsdpReader.CardReadReply(0, 1, "123/4567"));
        Assert.Equal(Hex.Bytes("BD 88 EB 80"), WiegandCardBits.Packed(WiegandCardBits.For("123/4567")));
    }

    [Fact]
    public void Osdp_resyncs_past_garbage_and_a_bad_crc()
    {
        var bad = Hex.Bytes(OsdpCardReadGolden);
        bad[^1] ^= 0xFF;
        byte[] stream = [0x53, 0x00, .. bad, 0xFF, 0xFF, .. Hex.Bytes("FF 53 65 08 00 04 60 60 90")];

        var (frames, discards) = DecoderHarness.Run(new OsdpPacketDecoder(), stream);

        Assert.True(Assert.Single(frames).Is(OsdpCommand.Poll));
        Assert.Contains(DiscardReason.BadChecksum, discards);
    }

    [Fact]
    public void Osdp_reads_a_secure_channel_reply_with_its_security_block_and_mac()
    {
        // An ACK inside a session: 53 80 LEN CTRL=0D (CRC, security block, sequence 1) SCB(02 16) code 40 MAC(4) CRC.
        byte[] secure = [0x53, 0x80, 0x0E, 0x00, 0x0D, 0x02, 0x16, 0x40, 0xA1, 0xB2, 0xC3, 0xD4, 0, 0];
        var crc = OsdpCrc.Compute(secure.AsSpan(0, secure.Length - 2));
        (secure[^2], secure[^1]) = ((byte)crc, (byte)(crc >> 8));

        var (frames, _) = DecoderHarness.Run(new OsdpPacketDecoder(), secure);

        var ack = Assert.Single(frames);
        Assert.True(ack.Is(OsdpReply.Ack));
        Assert.Equal((1, 0x16, "A1B2C3D4", "53800E000D021640"), (ack.Sequence, ack.Security!.Type, Hex.Of(ack.Security.Mac), Hex.Of(ack.Security.Authenticated)));
        Assert.Empty(ack.Data);
    }

    [Fact]
    public void Osdp_skips_a_checksum_only_packet_whole_as_unsupported_and_reads_the_poll_after_it()
    {
        // 53 80 LEN CTRL=00 (one-byte checksum, no CRC) code 40 data 00 checksum: a reader set up for checksums.
        byte[] checksummed = [0x53, 0x80, 0x08, 0x00, 0x00, 0x40, 0x00, 0x00];
        checksummed[^1] = (byte)(0x100 - (checksummed[..^1].Sum(b => b) & 0xFF));

        var (frames, discards) = DecoderHarness.Run(new OsdpPacketDecoder(), [.. checksummed, .. Hex.Bytes("FF 53 65 08 00 04 60 60 90")]);

        Assert.True(Assert.Single(frames).Is(OsdpCommand.Poll));
        Assert.Equal([DiscardReason.Unsupported], discards.Where(d => d != DiscardReason.None)); // the FF mark before the poll is line conditioning
    }

    [Fact]
    public void Osdp_drops_a_security_block_that_overruns_its_packet()
    {
        // The block claims 9 bytes in a packet that has 3 after the control byte.
        byte[] bad = [0x53, 0x80, 0x0A, 0x00, 0x0D, 0x09, 0x16, 0x40, 0, 0];
        var crc = OsdpCrc.Compute(bad.AsSpan(0, bad.Length - 2));
        (bad[^2], bad[^1]) = ((byte)crc, (byte)(crc >> 8));

        var (frames, discards) = DecoderHarness.Run(new OsdpPacketDecoder(), bad);

        Assert.Empty(frames);
        Assert.Equal([DiscardReason.Malformed], discards);
    }

    [Fact]
    public void Mlx90614_checks_the_golden_PEC_and_converts_the_golden_readings()
    {
        Assert.Equal(0x30, Mlx90614Word.Pec(Hex.Bytes("B4 07 B5 D2 3A")));
        Assert.Equal(28.01m, Mlx90614Word.TryCelsius(0x5A, Mlx90614Word.ObjectRam, Hex.Bytes("D2 3A 30"), out _));
        Assert.Equal(36.49m, Mlx90614Word.TryCelsius(0x5A, Mlx90614Word.ObjectRam, Hex.Bytes("7A 3C 92"), out _));
    }

    [Fact]
    public void Mlx90614_refuses_a_bad_PEC_and_the_error_flag()
    {
        Assert.Null(Mlx90614Word.TryCelsius(0x5A, Mlx90614Word.ObjectRam, Hex.Bytes("7A 3C 93"), out var badPec));
        Assert.Equal(DiscardReason.BadChecksum, badPec);
        Assert.Null(Mlx90614Word.TryCelsius(0x5A, Mlx90614Word.AmbientRam, Hex.Bytes("7A 3C 92"), out _));
        byte[] flagged = [0x7A, 0xBC, 0];
        flagged[2] = Mlx90614Word.Pec([0xB4, 0x07, 0xB5, flagged[0], flagged[1]]);
        Assert.Null(Mlx90614Word.TryCelsius(0x5A, Mlx90614Word.ObjectRam, flagged, out var errorFlag));
        Assert.Equal(DiscardReason.Malformed, errorFlag);
    }

    [Fact]
    public void Wiegand_26_golden_frame_decodes_the_simulator_encodes_it_and_every_bit_flip_is_refused()
    {
        var golden = "10111101100010001110101110".Select(c => c == '1').ToArray();

        Assert.Equal(new WiegandCard(26, 123, 4567), WiegandFormat.TryDecode(golden));
        Assert.Equal(golden, WiegandCardBits.For("123/4567"));
        Assert.Equal("123/4567", WiegandFormat.TryDecode(golden)!.CredentialNumber);
        for (int i = 0; i < golden.Length; i++)
        {
            var flipped = (bool[])golden.Clone();
            flipped[i] = !flipped[i];
            Assert.Null(WiegandFormat.TryDecode(flipped));
        }

        Assert.Null(WiegandFormat.TryDecode(golden.AsSpan(0, 25)));
    }

    [Fact]
    public void Wiegand_34_checks_parity_over_16_bit_halves()
    {
        const uint number = 0xDEADBEEF;
        var bits = new bool[34];
        for (int i = 0; i < 32; i++)
        {
            bits[i + 1] = ((number >> (31 - i)) & 1) == 1;
        }

        bits[0] = bits[1..17].Count(b => b) % 2 == 1;
        bits[33] = bits[17..33].Count(b => b) % 2 == 0;

        Assert.Equal(new WiegandCard(34, 0, number), WiegandFormat.TryDecode(bits));
        bits[33] = !bits[33];
        Assert.Null(WiegandFormat.TryDecode(bits));
    }

    [Fact]
    public void Wiegand_pulses_become_frames_at_the_25_ms_gap_whatever_the_bit_period()
    {
        var assembler = new WiegandBitAssembler(WiegandBitAssembler.DefaultFrameGap);
        var first = WiegandCardBits.For("123/4567");
        var second = WiegandCardBits.For("1/2");
        var t = TimeSpan.Zero;
        var frames = new List<bool[]>();
        foreach (var bit in first)
        {
            t += TimeSpan.FromMilliseconds(2);
            Assert.Null(assembler.Pulse(bit, t));
        }

        Assert.Null(assembler.Idle(t + TimeSpan.FromMilliseconds(24)));
        t += TimeSpan.FromMilliseconds(30);
        foreach (var bit in second)
        {
            if (assembler.Pulse(bit, t) is { } done)
            {
                frames.Add(done);
            }

            t += TimeSpan.FromMicroseconds(200);
        }

        frames.Add(assembler.Idle(t + TimeSpan.FromMilliseconds(25))!);
        Assert.Equal([new WiegandCard(26, 123, 4567), new WiegandCard(26, 1, 2)], frames.Select(f => WiegandFormat.TryDecode(f)));
    }
}
