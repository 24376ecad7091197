using GateEdge.Devices.CardReaders.Osdp.Protocol;
using GateEdge.Devices.CardReaders.Osdp;
using GateEdge.Devices.CardReaders;
using GateEdge.Devices.Health;
using GateEdge.Simulator.Devices;
using GateEdge.Simulator.Faults;
using GateEdge.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace GateEdge.Tests.Devices.OverPty;

/// <summary>GateEdge as OSDP control panel against the simulator's reader, on a real pty.</summary>
[Collection(TimingSensitive.Name)]
public sealed class OsdpReaderOverPtyTests : DeviceBench
{
    private SimulatedLine _line = null!;
    private SimulatedOsdpReader _reader = null!;

    public override async Task InitializeAsync()
    {
        _line = Own(SimulatedLine.Create(Path.Combine(Dir, "osdp")));
        _reader = new SimulatedOsdpReader("osdp", _line, address: 0x65);
        Run(_reader.RunAsync(Stop.Token));
        var options = new OsdpReaderOptions { Name = "osdp", Port = _line.LinkPath, Address = 0x65, OfflineAfter = TimeSpan.FromSeconds(2) };
        var session = new OsdpReaderSession(options, Sink, NullLogger<OsdpReaderSession>.Instance);
        SuperviseOnBus(options, session, () => new OsdpPacketDecoder());
        await Eventually.True(() => Health.Get("osdp").State == DeviceState.Online, "the reader is online");
    }

    [Fact]
    public async Task Cards_of_both_Wiegand_lengths_arrive_through_card_read_replies()
    {
        _reader.Present("123/4567");
        _reader.Present("4000000000");
        await Eventually.True(() => Sink.Cards.Count == 2, "both cards are presented");

        Assert.Equal(["123/4567", "4000000000"], Sink.Cards.Select(c => c.Credential.Number));
        Assert.All(Sink.Cards, c => Assert.Equal(CredentialKind.CompoundCard, c.Credential.Kind));
    }

    [Fact]
    public async Task A_card_read_whose_reply_was_lost_is_delivered_once_by_the_retry()
    {
        _line.Fault = LineFault.Silence;
        int polls = _reader.Polls;
        _reader.Present("123/4567");
        await Eventually.True(() => _reader.Polls >= polls + 2, "the reader answered (into the void) and was asked again");
        _line.Fault = LineFault.None;

        await Eventually.True(() => !Sink.Cards.IsEmpty, "the card arrives");
        polls = _reader.Polls;
        await Eventually.True(() => _reader.Polls >= polls + 5, "polling goes on");
        Assert.Equal("123/4567", Assert.Single(Sink.Cards).Credential.Number);
        Assert.Equal(0, Health.Get("osdp").Counters!.Disconnects);
    }

    [Fact]
    public async Task A_reader_silent_for_the_offline_time_is_offline_and_comes_back()
    {
        _line.Fault = LineFault.Silence;
        await Eventually.True(() => Health.Get("osdp").State == DeviceState.Offline, "the silent reader is offline");
        Assert.Equal("no reply for 2 s", Health.Get("osdp").Reason);

        _line.Fault = LineFault.None;
        await Eventually.True(() => Health.Get("osdp").IsAvailable, "the reader is back");
        _reader.Present("123/4567");
        await Eventually.True(() => !Sink.Cards.IsEmpty, "and reads cards again");
    }

}
