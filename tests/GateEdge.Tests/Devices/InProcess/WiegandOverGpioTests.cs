using System.Buffers.Binary;
using System.Device.Gpio;
using GateEdge.Devices;
using GateEdge.Devices.CardReaders.Wiegand;
using GateEdge.Devices.Gpio;
using GateEdge.Devices.Health;
using GateEdge.Outputs.Gpio;
using GateEdge.Simulator.Devices;
using GateEdge.Simulator.Faults;
using GateEdge.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace GateEdge.Tests.Devices.InProcess;

/// <summary>A Wiegand reader on the simulated GPIO chip, through the GpioController seam, against the real session.</summary>
public sealed class WiegandOverGpioTests : DeviceBench
{
    private const int D0 = 5;
    private const int D1 = 6;
    private readonly SimulatedGpioDriver _chip = new();
    private readonly GpioController _gpio;
    private readonly SimulatedWiegandReader _reader;
    private DeviceSupervisor _supervisor = null!;

    public WiegandOverGpioTests()
    {
        _gpio = Own(new GpioController(_chip));
        _reader = new SimulatedWiegandReader("wiegand", _chip, D0, D1);
    }

    public override async Task InitializeAsync()
    {
        var options = new WiegandReaderOptions { Name = "wiegand", D0Line = D0, D1Line = D1 };
        var session = new WiegandReaderSession(options, new ControllerPulseLineSource(_gpio, TimeProvider.System), Sink, TimeProvider.System, NullLogger<WiegandReaderSession>.Instance);
        _supervisor = Supervise(session, degradedWindow: TimeSpan.FromSeconds(1));
        await Eventually.True(() => Health.Get("wiegand").State == DeviceState.Online, "the reader's lines are held");
    }

    [Fact]
    public async Task W26_and_W34_cards_arrive_in_order()
    {
        await _reader.PresentAsync("123/4567");
        await _reader.PresentAsync("4000000000");
        await _reader.PresentAsync("1/2");
        await Eventually.True(() => Sink.Cards.Count == 3, "three cards");

        Assert.Equal(["123/4567", "4000000000", "1/2"], Sink.Cards.Select(c => c.Credential.Number));
    }

    [Theory]
    [InlineData(nameof(LineFault.BadChecksum), "checksum")]
    [InlineData(nameof(LineFault.SplitFrames), "length")]
    [InlineData(nameof(LineFault.Garbage), "length")]
    public async Task A_frame_with_a_flipped_bit_a_pause_or_stray_pulses_is_no_card_and_degrades_the_reader(string fault, string reason)
    {
        _reader.Fault = Enum.Parse<LineFault>(fault);
        await _reader.PresentAsync("123/4567");
        await Eventually.True(() => Health.Get("wiegand").State == DeviceState.Degraded, "the reader is degraded");
        Assert.Contains(reason, Health.Get("wiegand").Reason, StringComparison.Ordinal);

        _reader.Fault = LineFault.None;
        await _reader.PresentAsync("123/4567");
        await Eventually.True(() => Health.Get("wiegand").State == DeviceState.Online, "the reader recovers");
        Assert.Equal("123/4567", Assert.Single(Sink.Cards).Credential.Number);
    }

    [Fact]
    public async Task Lines_that_cannot_be_requested_leave_the_reader_offline_with_the_reason()
    {
        var busy = new WiegandReaderSession(new WiegandReaderOptions { Name = "second", D0Line = D0, D1Line = D1 },
            new ControllerPulseLineSource(_gpio, TimeProvider.System), Sink, TimeProvider.System, NullLogger<WiegandReaderSession>.Instance);
        Supervise(busy);

        await Eventually.True(() => Health.Get("second").State == DeviceState.Offline, "the second reader is offline");
        Assert.Contains("could not be requested", Health.Get("second").Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_kernel_request_and_events_use_the_layout_of_linux_gpio_h()
    {
        // Offsets checked against <linux/gpio.h> with offsetof(): consumer 256, config.flags 288,
        // num_lines 560, event_buffer_size 564, fd 588; events are 48 bytes: timestamp 0, id 8, offset 12.
        var request = GpioChipPulseLines.Request(D0, D1, "gateedge wiegand");
        Assert.Equal(592, request.Length);
        Assert.Equal((5u, 6u), (BinaryPrimitives.ReadUInt32LittleEndian(request), BinaryPrimitives.ReadUInt32LittleEndian(request.AsSpan(4))));
        Assert.Equal("gateedge wiegand", System.Text.Encoding.ASCII.GetString(request, 256, 16));
        Assert.Equal(0x24UL, BinaryPrimitives.ReadUInt64LittleEndian(request.AsSpan(288))); // INPUT | EDGE_FALLING
        Assert.Equal(2u, BinaryPrimitives.ReadUInt32LittleEndian(request.AsSpan(560)));

        var events = new byte[48 * 3];
        foreach (var (i, line, id, ns) in new[] { (0, D1, 2u, 1_000_000UL), (1, D0, 1u, 1_050_000UL), (2, D0, 2u, 3_000_000UL) })
        {
            BinaryPrimitives.WriteUInt64LittleEndian(events.AsSpan(i * 48), ns);
            BinaryPrimitives.WriteUInt32LittleEndian(events.AsSpan((i * 48) + 8), id);
            BinaryPrimitives.WriteUInt32LittleEndian(events.AsSpan((i * 48) + 12), (uint)line);
        }

        var pulses = GpioChipPulseLines.ParseEvents(events, events.Length, D1).ToArray();
        Assert.Equal([(true, TimeSpan.FromMilliseconds(1)), (false, TimeSpan.FromMilliseconds(3))], pulses.Select(p => (p.One, p.At)));
    }

}
