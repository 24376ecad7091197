using GateEdge.Cli;
using GateEdge.Simulator.Devices;
using GateEdge.Simulator.Faults;
using GateEdge.Tests.Support;

namespace GateEdge.Tests.Cli;

/// <summary>
/// <c>gateedge devices probe PORT</c> against the simulator's device of each serial family on a
/// real pseudo-terminal: the family is named with a working config snippet. Readers that speak
/// only with a card are handed one over and over, as a technician taps it while the probe listens.
/// </summary>
[Collection(TimingSensitive.Name)]
public sealed class PortProbeTests : DeviceBench
{
    private static readonly TimeSpan QuietGap = TimeSpan.FromSeconds(0.2);

    [Fact]
    public async Task Every_address_that_answers_on_a_bus_is_listed_with_one_snippet()
    {
        var bus = Own(SimulatedLine.Create(Path.Combine(Dir, "ttyUSB2")));
        foreach (byte address in new byte[] { 1, 5, 126 })
        {
            Run(new SimulatedOsdpReader($"osdp{address}", Own(bus.Drop()), address).RunAsync(Stop.Token));
        }

        var output = new StringWriter();
        int exit = await PortProbe.RunAsync(bus.LinkPath, output, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), CancellationToken.None, QuietGap, scanAll: true);

        var text = output.ToString();
        Assert.True(exit == 0, text);
        Assert.Equal(["found: an OSDP reader at address 1 at 9600 baud", "found: an OSDP reader at address 5 at 9600 baud", "found: an OSDP reader at address 126 at 9600 baud"],
            text.Split('\n').Where(l => l.StartsWith("found:", StringComparison.Ordinal)));
        Assert.Contains($"\"OsdpReaders\": [ {{ \"Name\": \"lane1-reader\", \"Port\": \"{bus.LinkPath}\", \"BaudRate\": 9600, \"Address\": 1 }}, {{ \"Name\": \"lane2-reader\"", text, StringComparison.Ordinal);
        Assert.Contains("after 0.2 s of quiet on the line", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("id-card", "an ID-card reader (SAM) at 115200 baud", "\"IdCardReaders\": [ { \"Name\": \"lane1-idcard\"")]
    [InlineData("pn532", "a PN532 NFC reader (HSU) at 115200 baud", "\"Pn532Readers\"")]
    [InlineData("serial-ir", "a serial infrared thermometer (GY protocol) at 9600 baud", "\"SerialIrThermometers\"")]
    [InlineData("voice", "a SYN6288-family speech module at 9600 baud", "\"VoiceModules\": [ { \"Name\": \"lane1-voice\"")]
    [InlineData("modbus", "a Modbus RTU thermometer at address 1 at 9600 baud", "\"BaudRate\": 9600, \"Address\": 1 } ]")]
    [InlineData("osdp", "an OSDP reader at address 0 at 9600 baud", "\"OsdpReaders\"")]
    [InlineData("rdm6300", "an RDM6300 125 kHz reader at 9600 baud", "\"Rdm6300Readers\"")]
    [InlineData("ascii-hex", "a reader that prints a hex UID per line at 9600 baud", "\"Radix\": \"Hex\"")]
    public async Task The_family_on_a_port_is_named_with_its_config_snippet(string family, string found, string snippet)
    {
        var line = Own(SimulatedLine.Create(Path.Combine(Dir, "ttyUSB0")));
        StartSimulated(family, line);
        var output = new StringWriter();

        int exit = await PortProbe.RunAsync(line.LinkPath, output, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), CancellationToken.None, QuietGap);

        var text = output.ToString();
        Assert.True(exit == 0, text);
        Assert.Contains($"found: {found}", text, StringComparison.Ordinal);
        Assert.Contains(snippet, text, StringComparison.Ordinal);
        Assert.Contains($"\"Port\": \"{line.LinkPath}\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_silent_port_says_what_to_check_and_a_missing_one_points_to_the_list()
    {
        var line = Own(SimulatedLine.Create(Path.Combine(Dir, "ttyUSB1")));
        var silent = new StringWriter();
        var missing = new StringWriter();

        Assert.Equal(1, await PortProbe.RunAsync(line.LinkPath, silent, TimeSpan.FromSeconds(0.3), TimeSpan.FromSeconds(0.3), CancellationToken.None, QuietGap));
        Assert.Equal(2, await PortProbe.RunAsync(Path.Combine(Dir, "ttyUSB9"), missing, TimeSpan.FromSeconds(0.3), TimeSpan.FromSeconds(0.3), CancellationToken.None, QuietGap));

        Assert.Contains("nothing answered", silent.ToString(), StringComparison.Ordinal);
        Assert.Contains("present a card to the reader now", silent.ToString(), StringComparison.Ordinal);
        Assert.Contains("gateedge devices list", missing.ToString(), StringComparison.Ordinal);

        var chinese = new StringWriter();
        Assert.Equal(1, await PortProbe.RunAsync(line.LinkPath, chinese, TimeSpan.FromSeconds(0.3), TimeSpan.FromSeconds(0.3), CancellationToken.None, QuietGap,
            language: GateEdge.Common.Messages.Language.Chinese));
        Assert.Contains("没有任何应答。请检查读卡器电源", chinese.ToString(), StringComparison.Ordinal);
        Assert.Contains("请现在在读卡器上刷卡", chinese.ToString(), StringComparison.Ordinal);
        Assert.Contains("已按出厂地址询问 OSDP 读卡器", chinese.ToString(), StringComparison.Ordinal);
    }

    private void StartSimulated(string family, SimulatedLine line)
    {
        switch (family)
        {
            case "id-card":
                Run(new SimulatedIdCardReader("reader", line).RunAsync(Stop.Token));
                break;
            case "pn532":
                Run(new SimulatedPn532("reader", line).RunAsync(Stop.Token));
                break;
            case "serial-ir":
                var thermometer = new SimulatedIrThermometer("thermometer", line);
                Run(thermometer.RunAsync(Stop.Token));
                break;
            case "voice":
                Run(new SimulatedVoiceModule("voice", line).RunAsync(Stop.Token));
                break;
            case "modbus":
                Run(new SimulatedModbusThermometer("thermometer", line).RunAsync(Stop.Token));
                break;
            case "osdp":
                Run(new SimulatedOsdpReader("reader", line).RunAsync(Stop.Token));
                break;
            case "rdm6300":
                Run(KeepTapping(new SimulatedRdm6300Reader("reader", line), "14008EC793"));
                break;
            case "ascii-hex":
                Run(KeepTapping(new SimulatedAsciiLineReader("reader", line, hex: true, reversed: false), "04A1B2C3"));
                break;
        }
    }

    private async Task KeepTapping(ICompoundCardReader reader, string card)
    {
        while (!Stop.IsCancellationRequested)
        {
            reader.Present(card);
            await Task.Delay(TimeSpan.FromMilliseconds(300), Stop.Token).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }
}
