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
/// The gateway and the simulator's reader, each with its own Secure Channel code, on a real pty:
/// install mode gives the reader a key, cards then arrive encrypted, and nothing the reader's
/// cable says in clear, or under another key, is read.
/// </summary>
[Collection(TimingSensitive.Name)]
public sealed class OsdpSecureChannelOverPtyTests : DeviceBench
{
    private static readonly byte[] ReaderKey = Hex.Bytes("00112233445566778899AABBCCDDEEFF");

    private SimulatedOsdpReader Start(bool installMode, byte[]? gatewayKey, byte[]? readerKey)
    {
        var line = Own(SimulatedLine.Create(Path.Combine(Dir, "osdp")));
        var reader = new SimulatedOsdpReader("osdp", line, address: 3) { InstallMode = installMode, Key = readerKey };
        Run(reader.RunAsync(Stop.Token));
        var keyFile = Path.Combine(Dir, "osdp.scbk");
        if (gatewayKey is not null)
        {
            OsdpReaderKeyFile.Save(keyFile, gatewayKey);
        }

        var options = new OsdpReaderOptions { Name = "osdp", Port = line.LinkPath, Address = 3, KeyFile = keyFile, InstallMode = installMode, OfflineAfter = TimeSpan.FromSeconds(2) };
        SuperviseOnBus(options, new OsdpReaderSession(options, Sink, NullLogger<OsdpReaderSession>.Instance), () => new OsdpPacketDecoder());
        return reader;
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task Install_mode_gives_the_reader_a_key_kept_only_for_the_service_and_cards_then_arrive_over_the_secure_channel()
    {
        var reader = Start(installMode: true, gatewayKey: null, readerKey: null);

        // The reader holds its key as soon as it answers the KEYSET; the gateway keeps it once that answer arrives.
        await Eventually.True(() => reader.Key is not null && reader.IsSecure && !Sink.Alarms.IsEmpty, "the reader took a key, the gateway kept it, and a session on it is open");
        var kept = OsdpReaderKeyFile.Load(Path.Combine(Dir, "osdp.scbk"));
        Assert.Equal(Convert.ToHexString(reader.Key!), Convert.ToHexString(kept!));
        Assert.NotEqual(Convert.ToHexString(OsdpSecureChannel.DefaultKey), Convert.ToHexString(kept!));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(Dir, "osdp.scbk")));
        Assert.Equal(DeviceAlarm.ReaderKeySet, Assert.Single(Sink.Alarms).Alarm);

        reader.Present("123/4567");
        await Eventually.True(() => !Sink.Cards.IsEmpty, "the card arrives");
        Assert.Equal("123/4567", Assert.Single(Sink.Cards).Credential.Number);
        Assert.Equal(DeviceState.Online, Health.Get("osdp").State);
    }

    [Fact]
    public async Task A_read_replayed_in_clear_on_the_readers_cable_is_refused_with_an_alarm()
    {
        var reader = Start(installMode: false, gatewayKey: ReaderKey, readerKey: ReaderKey);
        await Eventually.True(() => reader.IsSecure && Health.Get("osdp").State == DeviceState.Online, "a secure session is open");
        reader.Present("123/4567");
        await Eventually.True(() => Sink.Cards.Count == 1, "the reader's own read arrives");

        reader.ForgingPlainReads = true;
        await Eventually.True(() => Sink.Alarms.Any(a => a.Alarm == DeviceAlarm.ReaderSecurity), "the forged read raises an alarm");
        await Eventually.True(() => Health.Get("osdp").State == DeviceState.Offline, "the reader is offline while its cable lies");
        Assert.Contains("in clear", Sink.Alarms.First(a => a.Alarm == DeviceAlarm.ReaderSecurity).Detail, StringComparison.Ordinal);
        reader.ForgingPlainReads = false;

        await Eventually.True(() => reader.IsSecure && Health.Get("osdp").IsAvailable, "a new session once the line is clean");
        Assert.Single(Sink.Cards);
    }

    [Fact]
    public async Task A_reader_holding_another_key_is_not_read_and_says_why()
    {
        Start(installMode: false, gatewayKey: ReaderKey, readerKey: Hex.Bytes("FFEEDDCCBBAA99887766554433221100"));

        await Eventually.True(() => Health.Get("osdp").State == DeviceState.Offline, "the reader is offline");
        Assert.Contains("cryptogram is wrong", Health.Get("osdp").Reason, StringComparison.Ordinal);
        Assert.Contains(Sink.Alarms, a => a.Alarm == DeviceAlarm.ReaderSecurity);
    }
}
