using GateEdge.Devices;
using GateEdge.Devices.CardReaders;
using GateEdge.Devices.CardReaders.Osdp;
using GateEdge.Devices.Health;
using GateEdge.Devices.Serial;
using GateEdge.Simulator.Devices;
using GateEdge.Simulator.Faults;
using GateEdge.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace GateEdge.Tests.Devices.OverPty;

/// <summary>GateEdge as OSDP control panel against the simulator's reader, on a real pty.</summary>
[Collection(TimingSensitive.Name)]
public sealed class OsdpReaderOverPtyTests : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gateedge-osdp-").FullName;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _running = [];
    private readonly DeviceHealthBoard _health = new(TimeProvider.System);
    private readonly CollectingSink _sink = new();
    private SimulatedLine _line = null!;
    private SimulatedOsdpReader _reader = null!;

    public async Task InitializeAsync()
    {
        _line = SimulatedLine.Create(Path.Combine(_dir, "osdp"));
        _reader = new SimulatedOsdpReader("osdp", _line, address: 0x65);
        _running.Add(_reader.RunAsync(_stop.Token));
        var options = new OsdpReaderOptions { Name = "osdp", Port = _line.LinkPath, Address = 0x65, OfflineAfter = TimeSpan.FromSeconds(2) };
        var session = new OsdpReaderSession(options, _sink, TimeProvider.System, NullLogger<OsdpReaderSession>.Instance);
        _running.Add(new DeviceSupervisor(new SerialDeviceConnection(options.Port, options.BaudRate, session), _health, TimeProvider.System, NullLogger<DeviceSupervisor>.Instance)
            .RunAsync(_stop.Token));
        await Eventually.True(() => _health.Get("osdp").State == DeviceState.Online, "the reader is online");
    }

    [Fact]
    public async Task Cards_of_both_Wiegand_lengths_arrive_through_card_read_replies()
    {
        _reader.Present("123/4567");
        _reader.Present("4000000000");
        await Eventually.True(() => _sink.Cards.Count == 2, "both cards are presented");

        Assert.Equal(["123/4567", "4000000000"], _sink.Cards.Select(c => c.Credential.Number));
        Assert.All(_sink.Cards, c => Assert.Equal(CredentialKind.CompoundCard, c.Credential.Kind));
    }

    [Fact]
    public async Task A_card_read_whose_reply_was_lost_is_delivered_once_by_the_retry()
    {
        _line.Fault = LineFault.Silence;
        int polls = _reader.Polls;
        _reader.Present("123/4567");
        await Eventually.True(() => _reader.Polls >= polls + 2, "the reader answered (into the void) and was asked again");
        _line.Fault = LineFault.None;

        await Eventually.True(() => !_sink.Cards.IsEmpty, "the card arrives");
        polls = _reader.Polls;
        await Eventually.True(() => _reader.Polls >= polls + 5, "polling goes on");
        Assert.Equal("123/4567", Assert.Single(_sink.Cards).Credential.Number);
        Assert.Equal(0, _health.Get("osdp").Counters!.Disconnects);
    }

    [Fact]
    public async Task A_reader_silent_for_the_offline_time_is_offline_and_comes_back()
    {
        _line.Fault = LineFault.Silence;
        await Eventually.True(() => _health.Get("osdp").State == DeviceState.Offline, "the silent reader is offline");
        Assert.Equal("no reply for 2 s", _health.Get("osdp").Reason);

        _line.Fault = LineFault.None;
        await Eventually.True(() => _health.Get("osdp").IsAvailable, "the reader is back");
        _reader.Present("123/4567");
        await Eventually.True(() => !_sink.Cards.IsEmpty, "and reads cards again");
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        await _line.DisposeAsync();
        await Task.WhenAll(_running.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));
        _stop.Dispose();
        Directory.Delete(_dir, recursive: true);
    }
}
