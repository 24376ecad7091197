using GateEdge.Devices.CardReaders.Osdp.Protocol;
using GateEdge.Devices.CardReaders.Osdp;
using GateEdge.Devices.Health;
using GateEdge.Devices.Thermometers.Modbus.Protocol;
using GateEdge.Devices.Thermometers.Modbus;
using GateEdge.Simulator.Devices;
using GateEdge.Simulator.Faults;
using GateEdge.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace GateEdge.Tests.Devices.OverPty;

/// <summary>
/// Several addressed devices on one RS-485 line, one pty: three OSDP readers on one bus, two
/// Modbus heads on another, each answering only its own address, as installers wire a four-lane gate.
/// </summary>
[Collection(TimingSensitive.Name)]
public sealed class SerialBusOverPtyTests : DeviceBench
{
    private readonly Dictionary<string, SimulatedOsdpReader> _readers = [];
    private readonly Dictionary<string, SimulatedModbusThermometer> _heads = [];

    public override async Task InitializeAsync()
    {
        var readerBus = Own(SimulatedLine.Create(Path.Combine(Dir, "readers")));
        var headBus = Own(SimulatedLine.Create(Path.Combine(Dir, "heads")));
        foreach (byte address in new byte[] { 1, 2, 3 })
        {
            string name = $"osdp{address}";
            var reader = _readers[name] = new SimulatedOsdpReader(name, Own(readerBus.Drop()), address);
            Run(reader.RunAsync(Stop.Token));
            var options = new OsdpReaderOptions { Name = name, Port = readerBus.LinkPath, Address = address, OfflineAfter = TimeSpan.FromSeconds(2) };
            SuperviseOnBus(options, new OsdpReaderSession(options, Sink, NullLogger<OsdpReaderSession>.Instance), () => new OsdpPacketDecoder());
        }

        foreach (byte unit in new byte[] { 1, 2 })
        {
            string name = $"head{unit}";
            var head = _heads[name] = new SimulatedModbusThermometer(name, Own(headBus.Drop()), unit);
            Run(head.RunAsync(Stop.Token));
            var options = new ModbusThermometerOptions { Name = name, Port = headBus.LinkPath, Address = unit };
            SuperviseOnBus(options, new ModbusThermometerSession(options, Sink), () => new ModbusReplyDecoder());
        }

        await Eventually.True(() => _readers.Keys.Concat(_heads.Keys).All(d => Health.Get(d).State == DeviceState.Online), "every device on both buses is online");
    }

    [Fact]
    public async Task Each_reader_on_a_shared_line_reports_its_own_cards()
    {
        _readers["osdp2"].Present("123/4567");
        _readers["osdp3"].Present("4000000000");
        await Eventually.True(() => Sink.Cards.Count == 2, "both cards are presented");

        Assert.Equal([("osdp2", "123/4567"), ("osdp3", "4000000000")], Sink.Cards.Select(c => (c.Device, c.Credential.Number)).Order());
    }

    [Fact]
    public async Task Each_head_on_a_shared_line_is_read_at_its_own_unit_id()
    {
        _heads["head1"].SetTarget(36.4m);
        _heads["head2"].SetTarget(37.9m);

        await Eventually.True(() => Sink.Readings.Any(r => r.Device == "head1" && r.BodyC == 36.4m) && Sink.Readings.Any(r => r.Device == "head2" && r.BodyC == 37.9m),
            "each head's own temperature under its own name");
    }

    [Fact]
    public async Task A_reader_cut_from_the_line_goes_offline_alone_and_comes_back()
    {
        var wentOffline = new List<string>();
        Health.Changed += h => { if (h.State == DeviceState.Offline) lock (wentOffline) wentOffline.Add(h.Device); };
        var cut = _readers["osdp2"].Line;

        cut.Unplug();
        await Eventually.True(() => Health.Get("osdp2").State == DeviceState.Offline, "the cut reader is offline");
        Assert.Equal("no reply for 2 s", Health.Get("osdp2").Reason);
        _readers["osdp1"].Present("111/1111");
        _readers["osdp3"].Present("333/3333");
        await Eventually.True(() => Sink.Cards.Count == 2, "the others still read cards");

        cut.Replug();
        await Eventually.True(() => Health.Get("osdp2").IsAvailable, "the reader is back");
        _readers["osdp2"].Present("222/2222");
        await Eventually.True(() => Sink.Cards.Any(c => c.Device == "osdp2"), "and reads cards again");
        lock (wentOffline)
        {
            Assert.Equal(["osdp2"], wentOffline.Distinct());
        }
    }

    [Fact]
    public async Task A_reader_that_demands_a_secure_channel_is_not_online_and_says_why()
    {
        _readers["osdp3"].DemandsSecureChannel = true;

        await Eventually.True(() => Health.Get("osdp3").State == DeviceState.Offline, "the reader refusing polls in clear is offline");
        Assert.Contains("NAK 06", Health.Get("osdp3").Reason, StringComparison.Ordinal);
        Assert.True(Health.Get("osdp1").IsAvailable && Health.Get("osdp2").IsAvailable);
    }
}
