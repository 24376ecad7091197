using GateEdge.Devices;
using GateEdge.Devices.CardReaders;
using GateEdge.Devices.CardReaders.AsciiLine;
using GateEdge.Devices.CardReaders.AsciiLine.Protocol;
using GateEdge.Devices.CardReaders.IdCard;
using GateEdge.Devices.Thermometers.SerialIr;
using GateEdge.Simulator.Devices;
using GateEdge.Simulator.Faults;
using GateEdge.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace GateEdge.Tests.Devices.OverPty;

/// <summary>
/// The gateway's sessions and supervisor, through its own tty transport, against the simulator's
/// devices on real pseudo-terminals.
/// </summary>
public sealed class SerialDevicesOverPtyTests : DeviceBench
{
    [Fact]
    public async Task A_card_on_the_reader_is_read_once_and_a_card_failing_its_check_is_not_a_person()
    {
        var port = Own(SimulatedLine.Create(Path.Combine(Dir, "reader")));
        var reader = new SimulatedIdCardReader("reader", port);
        Run(reader.RunAsync(Stop.Token));
        var supervisor = StartReader(port.LinkPath);
        await Eventually.True(() => Health.Get("reader").IsAvailable, "the reader is online");

        await reader.PlaceCard(new SimPerson("钱八", "110105194912310021")).WaitAsync(TimeSpan.FromSeconds(10));
        // A read that holds no valid person is a bad frame: it shows in the counters (and /metrics).
        await Eventually.True(() => supervisor.Counters.BadFrames == 1, "the bad read counted");
        reader.LiftCard();
        await reader.PlaceCard(new SimPerson("张三", "11010519491231002X")).WaitAsync(TimeSpan.FromSeconds(10));
        await Eventually.True(() => !Sink.Cards.IsEmpty, "the valid card is presented");

        var card = Assert.Single(Sink.Cards);
        Assert.Equal(new Credential(CredentialKind.NationalId, "11010519491231002X"), card.Credential);
        Assert.Equal("张三", card.HolderName);
    }

    [Theory]
    [InlineData(0, "05 0A")]
    [InlineData(512, "07 0A")]
    [InlineData(1024, "09 0A")]
    public async Task The_fingerprint_variant_reads_cards_with_any_fingerprint_size_and_keeps_no_fingerprint(int fingerprintBytes, string replyLength)
    {
        var person = new SimPerson("张三", "11010519491231002X", FingerprintBytes: fingerprintBytes);
        var port = Own(SimulatedLine.Create(Path.Combine(Dir, "reader")));
        var reader = new SimulatedIdCardReader("reader", port);
        Assert.Equal(Hex.Bytes($"AA AA AA 96 69 {replyLength} 00 00 90"), SimulatedIdCardReader.ReadReply(person, withFingerprint: true)[..10]);
        Run(reader.RunAsync(Stop.Token));
        StartReader(port.LinkPath, readFingerprint: true);
        await Eventually.True(() => Health.Get("reader").IsAvailable, "the reader is online");

        await reader.PlaceCard(person).WaitAsync(TimeSpan.FromSeconds(10));
        await Eventually.True(() => !Sink.Cards.IsEmpty, "the card is presented");

        Assert.Equal(new Credential(CredentialKind.NationalId, "11010519491231002X"), Assert.Single(Sink.Cards).Credential);
    }

    [Fact]
    public async Task A_foreign_permanent_resident_card_is_recognised_as_such()
    {
        var port = Own(SimulatedLine.Create(Path.Combine(Dir, "reader")));
        var reader = new SimulatedIdCardReader("reader", port);
        Run(reader.RunAsync(Stop.Token));
        StartReader(port.LinkPath);
        await Eventually.True(() => Health.Get("reader").IsAvailable, "the reader is online");

        await reader.PlaceCard(new SimPerson("SMITH JOHN", "USA310075050101", ForeignResident: true)).WaitAsync(TimeSpan.FromSeconds(10));
        await Eventually.True(() => !Sink.Cards.IsEmpty, "the card is presented");

        Assert.Equal(new Credential(CredentialKind.ForeignPermanentResident, "USA310075050101"), Assert.Single(Sink.Cards).Credential);
    }

    [Theory]
    [InlineData("SMITH JOHN", "ABCDEF\n<0>XY\nZ\u001b")] // a number that would write a log line of its own, EMERG to journald
    [InlineData("SMITH JOHN", "USA31007505010")]
    [InlineData("\n<0>SMITH", "USA310075050101")]
    [InlineData("SMITH\u202EJOHN", "USA310075050101")]
    public async Task A_foreign_card_carrying_what_no_card_holds_is_a_bad_read_not_a_person(string name, string number)
    {
        var port = Own(SimulatedLine.Create(Path.Combine(Dir, "reader")));
        var reader = new SimulatedIdCardReader("reader", port);
        Run(reader.RunAsync(Stop.Token));
        StartReader(port.LinkPath);
        await Eventually.True(() => Health.Get("reader").IsAvailable, "the reader is online");

        await reader.PlaceCard(new SimPerson(name, number, ForeignResident: true)).WaitAsync(TimeSpan.FromSeconds(10));
        await Eventually.True(() => Health.Get("reader").Counters!.BadFrames > 0, "the read counted as bad");

        Assert.Empty(Sink.Cards);
    }

    [Fact]
    public async Task Thermometer_readings_carry_raw_values_and_whether_someone_stands_in_front()
    {
        var port = Own(SimulatedLine.Create(Path.Combine(Dir, "thermo")));
        var thermometer = new SimulatedIrThermometer("thermo", port);
        Run(thermometer.RunAsync(Stop.Token));
        StartThermometer(port.LinkPath);

        await Eventually.True(() => Sink.Readings.Any(r => !r.HasTarget), "an empty-sensor reading arrives");
        thermometer.SetTarget(36.6m);
        await Eventually.True(() => Sink.Readings.Any(r => r.HasTarget), "a reading with a target arrives");

        var reading = Sink.Readings.First(r => r.HasTarget);
        Assert.Equal((36.6m, 36.6m, 25.00m), (reading.BodyC, reading.ObjectC, reading.AmbientC));
    }

    [Theory]
    [InlineData("Decimal", "CardOrder")]
    [InlineData("Decimal", "Reversed")]
    [InlineData("Hex", "CardOrder")]
    [InlineData("Hex", "Reversed")]
    public async Task An_ascii_line_reader_in_any_radix_and_byte_order_presents_the_card_by_its_UID(string radix, string order)
    {
        var port = Own(SimulatedLine.Create(Path.Combine(Dir, "lines")));
        var reader = new SimulatedAsciiLineReader("lines", port, hex: radix == "Hex", reversed: order == "Reversed");
        var options = new AsciiLineReaderOptions { Name = "lines", Port = port.LinkPath, Radix = Enum.Parse<UidRadix>(radix), ByteOrder = Enum.Parse<UidByteOrder>(order) };
        Supervise(options, new AsciiLineReaderSession(options, Sink));
        await Eventually.True(() => Health.Get("lines").IsAvailable, "the reader is online");

        reader.Present("26DEFAE7");
        await Eventually.True(() => !Sink.Cards.IsEmpty, "the card is presented");

        Assert.Equal(new Credential(CredentialKind.CompoundCard, "26DEFAE7"), Assert.Single(Sink.Cards).Credential);
    }


    private DeviceSupervisor StartReader(string path, bool readFingerprint = false)
    {
        var options = new IdCardReaderOptions { Name = "reader", Port = path, ReadFingerprint = readFingerprint };
        var session = new IdCardReaderSession(options, Sink, NullLogger<IdCardReaderSession>.Instance);
        return Supervise(options, session);
    }

    private void StartThermometer(string path)
    {
        var options = new SerialIrThermometerOptions { Name = "thermo", Port = path };
        var session = new SerialIrThermometerSession(options, Sink, NullLogger<SerialIrThermometerSession>.Instance);
        Supervise(options, session);
    }

}
