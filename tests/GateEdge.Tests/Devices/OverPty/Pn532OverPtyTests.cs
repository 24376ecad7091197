using GateEdge.Devices.CardReaders;
using GateEdge.Devices.CardReaders.Pn532;
using GateEdge.Devices.Health;
using GateEdge.Simulator.Devices;
using GateEdge.Simulator.Faults;
using GateEdge.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace GateEdge.Tests.Devices.OverPty;

/// <summary>The Iot.Device.Bindings PN532 driver, inside GateEdge's session, against the simulator's chip on a pty.</summary>
[Collection(TimingSensitive.Name)]
public sealed class Pn532OverPtyTests : DeviceBench
{
    private SimulatedLine _line = null!;
    private SimulatedPn532 _chip = null!;

    public override async Task InitializeAsync()
    {
        _line = Own(SimulatedLine.Create(Path.Combine(Dir, "nfc")));
        _chip = new SimulatedPn532("nfc", _line);
        Run(_chip.RunAsync(Stop.Token));
        var options = new Pn532ReaderOptions { Name = "nfc", Port = _line.LinkPath, PollInterval = TimeSpan.FromMilliseconds(100) };
        var session = new Pn532ReaderSession(options, Sink, TimeProvider.System, NullLogger<Pn532ReaderSession>.Instance);
        Supervise(session);
        await Eventually.True(() => Health.Get("nfc").State == DeviceState.Online, "the reader is online");
    }

    [Fact]
    public void The_simulated_chip_answers_with_the_golden_frames()
    {
        Assert.Equal(Hex.Bytes("00 00 FF 06 FA D5 03 32 01 06 07 E8 00"), _chip.Reply([0xD4, 0x02]));
        _chip.Present("B0864D25");
        Assert.Equal(Hex.Bytes("00 00 FF 0C F4 D5 4B 01 01 00 04 08 04 B0 86 4D 25 26 00"), _chip.Reply([0xD4, 0x4A, 0x01, 0x00]));
    }

    [Fact]
    public async Task A_card_in_the_field_is_presented_by_its_UID_and_an_empty_field_is_no_fault()
    {
        await Eventually.True(() => _chip.FirstPoll.IsCompleted, "the driver looks for cards");
        _chip.Present("B0864D25");
        await Eventually.True(() => !Sink.Cards.IsEmpty, "the card is presented");
        _chip.Remove();

        Assert.Equal(new Credential(CredentialKind.CompoundCard, "B0864D25"), Sink.Cards.First().Credential);
        Assert.Equal(0, Health.Get("nfc").Counters!.SilentPolls);
    }

    [Fact]
    public async Task A_silent_chip_goes_offline_and_an_unplugged_one_comes_back_when_replugged()
    {
        _line.Fault = LineFault.Silence;
        await Eventually.True(() => Health.Get("nfc").State == DeviceState.Offline, "the silent chip is offline");
        _line.Fault = LineFault.None;
        await Eventually.True(() => Health.Get("nfc").State == DeviceState.Online, "it answers again");

        _line.Unplug();
        await Eventually.True(() => Health.Get("nfc").State == DeviceState.Offline, "the unplugged chip is offline");
        _line.Replug();
        await Eventually.True(() => Health.Get("nfc").State == DeviceState.Online, "the replugged chip is online");
        _chip.Present("04A1B2C3D4E5F6");
        await Eventually.True(() => !Sink.Cards.IsEmpty, "and reads a 7-byte UID");
        Assert.Equal("04A1B2C3D4E5F6", Sink.Cards.First().Credential.Number);
    }

}
