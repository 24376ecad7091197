using GateEdge.Devices.CardReaders.Osdp.Protocol;
using GateEdge.Devices.CardReaders.Osdp;
using GateEdge.Devices.Health;
using GateEdge.Devices;
using GateEdge.Simulator.Devices;
using GateEdge.Simulator.Faults;
using GateEdge.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace GateEdge.Tests.Devices.OverPty;

/// <summary>
/// What an OSDP reader tells about itself beyond cards: its tamper switch (an alarm, the reader
/// degraded, a count on /metrics), and who it is (its osdp_PDID, and over the secure channel its
/// cUID): another reader at the same address raises an alarm.
/// </summary>
[Collection(TimingSensitive.Name)]
public sealed class OsdpReaderSignalsOverPtyTests : DeviceBench
{
    private static readonly byte[] Key = Hex.Bytes("00112233445566778899AABBCCDDEEFF");

    private SimulatedLine _line = null!;

    private SimulatedOsdpReader Reader(byte[]? key) => new("osdp", _line, address: 2) { Key = key };

    private void Supervise(bool withKey)
    {
        var keyFile = Path.Combine(Dir, "osdp.scbk");
        if (withKey)
        {
            OsdpReaderKeyFile.Save(keyFile, Key);
        }

        var options = new OsdpReaderOptions { Name = "osdp", Port = _line.LinkPath, Address = 2, KeyFile = withKey ? keyFile : null, OfflineAfter = TimeSpan.FromSeconds(2) };
        SuperviseOnBus(options, new OsdpReaderSession(options, Sink, NullLogger<OsdpReaderSession>.Instance), () => new OsdpPacketDecoder(), TimeSpan.FromSeconds(1));
    }

    public override Task InitializeAsync()
    {
        _line = Own(SimulatedLine.Create(Path.Combine(Dir, "osdp")));
        return Task.CompletedTask;
    }

    [Fact]
    public async Task An_opened_housing_raises_an_alarm_and_degrades_the_reader_until_it_is_closed()
    {
        var reader = Reader(key: null);
        Run(reader.RunAsync(Stop.Token));
        Supervise(withKey: false);
        await Eventually.True(() => Health.Get("osdp").State == DeviceState.Online, "the reader is online");

        reader.Tampered = true;
        await Eventually.True(() => Health.Get("osdp").State == DeviceState.Degraded, "the reader is degraded");
        Assert.Equal(DeviceAlarm.ReaderTamper, Assert.Single(Sink.Alarms).Alarm);
        Assert.Equal(1, Health.Get("osdp").Counters!.TamperReports);
        Assert.Contains("tamper switch open", Health.Get("osdp").Reason, StringComparison.Ordinal);

        reader.Tampered = false;
        await Eventually.True(() => Health.Get("osdp").State == DeviceState.Online, "the reader is online again once the switch is closed and a quiet second passed");
        Assert.Single(Sink.Alarms);
    }

    [Fact]
    public async Task Another_reader_with_the_key_at_the_same_address_raises_an_alarm()
    {
        var first = Reader(Key);
        using var firstRuns = new CancellationTokenSource();
        var running = first.RunAsync(firstRuns.Token);
        Supervise(withKey: true);
        await Eventually.True(() => first.IsSecure && Health.Get("osdp").State == DeviceState.Online, "the first reader is in service");

        // Swapped: the first goes quiet, another answers at its address with its own cUID.
        await firstRuns.CancelAsync();
        await running.ContinueWith(_ => { }, TaskScheduler.Default);
        var second = Reader(Key);
        second.Uid = Hex.Bytes("5A47450100009999");
        Run(second.RunAsync(Stop.Token));

        await Eventually.True(() => Sink.Alarms.Any(a => a.Alarm == DeviceAlarm.ReaderIdentityChanged), "the swap is noticed", TimeSpan.FromSeconds(15));
        Assert.Contains("5A47450100009999", Sink.Alarms.First(a => a.Alarm == DeviceAlarm.ReaderIdentityChanged).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reader_in_clear_answering_with_another_serial_number_raises_an_alarm()
    {
        var first = Reader(key: null);
        using var firstRuns = new CancellationTokenSource();
        var running = first.RunAsync(firstRuns.Token);
        Supervise(withKey: false);
        await Eventually.True(() => Health.Get("osdp").State == DeviceState.Online, "the first reader is in service");
        Assert.Empty(Sink.Alarms);

        // Swapped for a reader of the same make with another serial number.
        await firstRuns.CancelAsync();
        await running.ContinueWith(_ => { }, TaskScheduler.Default);
        var second = Reader(key: null);
        second.Identity = Hex.Bytes("45 47 5A 01 01 39 30 00 00 01 00 00");
        Run(second.RunAsync(Stop.Token));

        await Eventually.True(() => Sink.Alarms.Any(a => a.Alarm == DeviceAlarm.ReaderIdentityChanged), "the swap is noticed", TimeSpan.FromSeconds(15));
        var detail = Sink.Alarms.First(a => a.Alarm == DeviceAlarm.ReaderIdentityChanged).Detail;
        Assert.Contains("serial 12345", detail, StringComparison.Ordinal);
        Assert.Contains("before as vendor 5A4745 model 1 version 1 serial 2 ", detail, StringComparison.Ordinal);
    }
}
