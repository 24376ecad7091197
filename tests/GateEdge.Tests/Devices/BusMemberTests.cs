using GateEdge.Devices.Bus;
using GateEdge.Devices.CardReaders.Osdp.Protocol;
using GateEdge.Devices.CardReaders.Osdp;
using GateEdge.Devices.Health;
using GateEdge.Devices.Thermometers.Modbus.Protocol;
using GateEdge.Devices.Thermometers.Modbus;
using GateEdge.Devices;
using GateEdge.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace GateEdge.Tests.Devices;

/// <summary>What a device on a shared line takes as its answer, and what a silence costs the others.</summary>
public sealed class BusMemberTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void A_modbus_head_answers_only_to_its_own_unit_id()
    {
        var head = new ModbusThermometerSession(new ModbusThermometerOptions { Name = "head1", Address = 1 }, new CollectingSink());

        Assert.True(head.Answers(new ModbusReply(1, 0x03, [365], null)));
        Assert.False(head.Answers(new ModbusReply(2, 0x03, [379], null)));
    }

    [Fact]
    public void An_osdp_reader_takes_its_own_reply_at_the_sequence_asked_and_any_nak_of_its_own()
    {
        var reader = Osdp(address: 5);
        reader.Start(_time);
        _ = reader.NextRequest();

        Assert.True(reader.Answers(new OsdpPacket(5, IsReply: true, 0, (byte)OsdpReply.Ack, [])));
        Assert.False(reader.Answers(new OsdpPacket(5, IsReply: true, 2, (byte)OsdpReply.Ack, [])));   // a late reply
        Assert.False(reader.Answers(new OsdpPacket(6, IsReply: true, 0, (byte)OsdpReply.Ack, [])));   // another reader
        Assert.False(reader.Answers(new OsdpPacket(5, IsReply: false, 0, (byte)OsdpCommand.Poll, []))); // our poll, echoed
        Assert.True(reader.Answers(new OsdpPacket(5, IsReply: true, 0, (byte)OsdpReply.Nak, [0x04]))); // read for its reason first
    }

    [Fact]
    public void A_sequence_error_nak_starts_a_new_session_and_a_security_nak_takes_the_reader_off()
    {
        var reader = Osdp(address: 5);
        var link = new DeviceLink(new DeviceCounters(_time), () => { });
        reader.Start(_time);
        reader.OnAnswer(new OsdpPacket(5, true, 0, (byte)OsdpReply.Ack, []), link, _time);
        Assert.Equal(1, reader.NextRequest()[5] & 0x03);

        reader.OnAnswer(new OsdpPacket(5, true, 0, (byte)OsdpReply.Nak, [0x04]), link, _time);
        Assert.Equal(0, reader.NextRequest()[5] & 0x03);

        var refused = Assert.Throws<DeviceProtocolException>(() => reader.OnAnswer(new OsdpPacket(5, true, 0, (byte)OsdpReply.Nak, [0x06]), link, _time));
        Assert.Contains("secure channel", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, 400)]
    [InlineData(2, 800)]
    [InlineData(3, 1000)]
    [InlineData(10, 1000)]
    public void A_silent_device_is_asked_less_often_up_to_a_second(int silent, int waitMs)
    {
        Assert.Equal(TimeSpan.FromMilliseconds(waitMs), SerialBus<OsdpPacket>.SilentWait(TimeSpan.FromMilliseconds(200), silent));
    }

    private static OsdpReaderSession Osdp(byte address) =>
        new(new OsdpReaderOptions { Name = "osdp", Address = address }, new CollectingSink(), NullLogger<OsdpReaderSession>.Instance);
}
