using GateEdge.Devices;
using GateEdge.Devices.CardReaders.AsciiLine;
using GateEdge.Devices.CardReaders.AsciiLine.Protocol;
using GateEdge.Devices.CardReaders.IdCard;
using GateEdge.Devices.CardReaders.Osdp;
using GateEdge.Devices.CardReaders.Pn532;
using GateEdge.Devices.CardReaders.Rdm6300;
using GateEdge.Devices.Health;
using GateEdge.Devices.Serial;
using GateEdge.Devices.Thermometers.Modbus;
using GateEdge.Devices.Thermometers.SerialIr;
using GateEdge.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace GateEdge.Cli;

/// <summary>
/// <c>gateedge devices probe PORT</c>: finds out what is on an unlabelled serial port. Each
/// supported family is run in turn with the very session the service would run, so the probe
/// only ever sends what that family's driver sends in service: read-only queries, no writes
/// to a device's settings. Families that answer a query are tried first; readers that speak
/// only when a card is in the field are listened to last, while the technician presents a card.
/// </summary>
internal static class PortProbe
{
    private sealed record Candidate(string Family, string Section, string Name, SerialDeviceOptions Options, string Extra, bool SpeaksOnlyWithACard,
        Func<IServiceProvider, SerialDeviceOptions, DeviceSupervisor> Supervise);

    public static async Task<int> RunAsync(string port, TextWriter output, TimeSpan answerWithin, TimeSpan listenFor, CancellationToken cancellationToken)
    {
        if (!File.Exists(port))
        {
            output.WriteLine($"{port} does not exist; `gateedge devices list` shows the serial ports of this box");
            return 2;
        }

        foreach (var candidate in Candidates(port))
        {
            output.WriteLine(candidate.SpeaksOnlyWithACard
                ? $"listening for {candidate.Family} at {candidate.Options.BaudRate} baud for {listenFor.TotalSeconds:0} s: present a card to the reader now…"
                : $"trying {candidate.Family} at {candidate.Options.BaudRate} baud…");
            var counters = await TryAsync(candidate, output, candidate.SpeaksOnlyWithACard ? listenFor : answerWithin, cancellationToken).ConfigureAwait(false);
            if (counters.Frames > 0 && counters.Frames > counters.BadFrames)
            {
                output.WriteLine($"found: {candidate.Family} at {candidate.Options.BaudRate} baud ({counters.Frames} good frames, {counters.BadFrames} bad)");
                output.WriteLine("config snippet for Devices (name it after its lane):");
                output.WriteLine($"  \"{candidate.Section}\": [ {{ \"Name\": \"{candidate.Name}\", \"Port\": \"{port}\", \"BaudRate\": {candidate.Options.BaudRate}{candidate.Extra} }} ]");
                return 0;
            }
        }

        output.WriteLine("nothing answered. Check the reader's power, that TX and RX are crossed (adapter TX to device RX), "
            + "and for a card reader that speaks only with a card, present one while it listens. docs/devices.md lists each family's wiring.");
        return 1;
    }

    private static async Task<DeviceCounters> TryAsync(Candidate candidate, TextWriter output, TimeSpan duration, CancellationToken cancellationToken)
    {
        var services = new ServiceCollection();
        services.AddSingleton(TimeProvider.System);
        services.AddLogging();
        services.AddSingleton<DeviceHealthBoard>();
        services.AddSingleton<IDeviceEventSink>(new DeviceProbe.PrintingSink(output));
        await using var provider = services.BuildServiceProvider();
        var supervisor = candidate.Supervise(provider, candidate.Options);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stop.CancelAfter(duration);
        await supervisor.RunAsync(stop.Token).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return supervisor.Counters;
    }

    private static IEnumerable<Candidate> Candidates(string port)
    {
        const string name = "probe";
        yield return new("an ID-card reader (SAM)", "IdCardReaders", "lane1-idcard", new IdCardReaderOptions { Name = name, Port = port }, "", false,
            (sp, o) => GatewayHost.Supervise<IdCardReaderSession>(sp, o));
        yield return new("a PN532 NFC reader (HSU)", "Pn532Readers", "lane1-nfc", new Pn532ReaderOptions { Name = name, Port = port }, "", false,
            (sp, o) => GatewayHost.Supervise(sp, ActivatorUtilities.CreateInstance<Pn532ReaderSession>(sp, o)));
        foreach (int baud in new[] { 9600, 115200 })
        {
            yield return new("a serial infrared thermometer (GY protocol)", "SerialIrThermometers", "lane1-thermometer", new SerialIrThermometerOptions { Name = name, Port = port, BaudRate = baud }, "", false,
                (sp, o) => GatewayHost.Supervise<SerialIrThermometerSession>(sp, o));
        }

        yield return new("a Modbus RTU thermometer at address 1", "ModbusThermometers", "lane1-thermometer", new ModbusThermometerOptions { Name = name, Port = port }, ", \"Address\": 1", false,
            (sp, o) => GatewayHost.Supervise<ModbusThermometerSession>(sp, o));
        foreach (int address in new[] { 0, 1 })
        {
            yield return new($"an OSDP reader at address {address}", "OsdpReaders", "lane1-reader", new OsdpReaderOptions { Name = name, Port = port, Address = address }, $", \"Address\": {address}", false,
                (sp, o) => GatewayHost.Supervise<OsdpReaderSession>(sp, o));
        }

        yield return new("an RDM6300 125 kHz reader", "Rdm6300Readers", "lane1-tags", new Rdm6300ReaderOptions { Name = name, Port = port }, "", true,
            (sp, o) => GatewayHost.Supervise<Rdm6300ReaderSession>(sp, o));
        foreach (var radix in new[] { UidRadix.Decimal, UidRadix.Hex })
        {
            yield return new($"a reader that prints a {radix.ToString().ToLowerInvariant()} UID per line", "AsciiLineReaders", "lane1-reader",
                new AsciiLineReaderOptions { Name = name, Port = port, Radix = radix }, $", \"Radix\": \"{radix}\"", true,
                (sp, o) => GatewayHost.Supervise<AsciiLineReaderSession>(sp, o));
        }
    }
}
