using GateEdge.Devices.CardReaders.AsciiLine;
using GateEdge.Devices.CardReaders.AsciiLine.Protocol;
using GateEdge.Devices.CardReaders.IdCard;
using GateEdge.Devices.CardReaders.Osdp;
using GateEdge.Devices.CardReaders.Pn532;
using GateEdge.Devices.CardReaders.Rdm6300;
using GateEdge.Devices.CardReaders.Wiegand;
using GateEdge.Devices.Inputs;
using GateEdge.Devices.Thermometers.Mlx90614;
using GateEdge.Devices.Thermometers.Modbus;
using GateEdge.Devices.Thermometers.SerialIr;
using GateEdge.Devices.Voice;
using GateEdge.Devices;
using GateEdge.Simulator.Devices;
using GateEdge.Simulator.Faults;

namespace GateEdge.Simulator.Script;

/// <summary>
/// How the simulator plays each of the gateway's device families, one line each beside
/// <c>DeviceFamilies</c>: the simulated device a script's entry becomes, the script entry a
/// configured device becomes for a rehearsal, and what the rehearsal leaves out of its settings.
/// The script, the gate and the rehearsal only iterate this table.
/// </summary>
internal static class SimulatedFamilies
{
    public static readonly IReadOnlyList<SimulatedFamily> All =
    [
        new(IdCardReaderFamily.Family, (d, at) =>
        {
            var reader = new SimulatedIdCardReader(d.Name, at.Line);
            at.Line.StrayHeader = SamWire.LongestReplyStart;
            return new(reader, reader.RunAsync(at.Stop), reader.FirstPoll);
        }),
        new(Pn532ReaderFamily.Family, (d, at) => Polled(new SimulatedPn532(d.Name, at.Line), p => p.RunAsync(at.Stop), p => p.FirstPoll)),
        new(SerialIrThermometerFamily.Family, (d, at) => Polled(new SimulatedIrThermometer(d.Name, at.Line), t => t.RunAsync(at.Stop), t => t.FirstQuery)),
        new(VoiceModuleFamily.Family, (d, at) => Polled(new SimulatedVoiceModule(d.Name, at.Line), v => v.RunAsync(at.Stop), v => v.FirstQuery)),
        new(ModbusThermometerFamily.Family, (d, at) => Polled(new SimulatedModbusThermometer(d.Name, at.Line, d.Address == 0 ? (byte)1 : d.Address), t => t.RunAsync(at.Stop), t => t.FirstQuery))
        {
            Scripted = Settings<ModbusThermometerOptions>(o => new(o.Name, "", Address: o.Address)),
        },
        new(OsdpReaderFamily.Family, (d, at) => Polled(new SimulatedOsdpReader(d.Name, at.Line, d.Address) { InstallMode = d.InstallMode }, r => r.RunAsync(at.Stop), r => r.FirstPoll))
        {
            Scripted = Settings<OsdpReaderOptions>(o => new(o.Name, "", Address: (byte)o.Address)),
            UnregisteredCard = "999/9999",
            // The simulated readers hold no keys: a rehearsal polls OSDP readers in clear.
            NotRehearsed = ["KeyFile", "InstallMode"],
        },
        new(Rdm6300ReaderFamily.Family, (d, at) => new(new SimulatedRdm6300Reader(d.Name, at.Line))) { UnregisteredCard = "0A0B0C0D0E" },
        new(AsciiLineReaderFamily.Family, (d, at) => new(new SimulatedAsciiLineReader(d.Name, at.Line, d.Radix == "hex", d.ByteOrder == "reversed")))
        {
            Scripted = Settings<AsciiLineReaderOptions>(o => new(o.Name, "", Radix: o.Radix == UidRadix.Hex ? "hex" : "decimal",
                ByteOrder: o.ByteOrder == UidByteOrder.Reversed ? "reversed" : "card-order")),
        },
        new(WiegandReaderFamily.Family, (d, at) =>
        {
            var wiegand = new SimulatedWiegandReader(d.Name, at.Hardware.Chip, d.D0Line ?? -1, d.D1Line ?? -1);
            return new(wiegand, wiegand.RunAsync(at.Stop));
        })
        {
            Scripted = Settings<WiegandReaderOptions>(o => new(o.Name, "", D0Line: o.D0Line, D1Line: o.D1Line)),
            UnregisteredCard = "999/9999",
        },
        new(Mlx90614ThermometerFamily.Family, (d, at) =>
        {
            int address = d.Address == 0 ? 0x5A : d.Address;
            var sensor = new SimulatedMlx90614(d.Bus, address);
            at.Hardware.I2cBuses.Attach(d.Bus, address, () => sensor);
            return new(sensor);
        })
        {
            Scripted = Settings<Mlx90614ThermometerOptions>(o => new(o.Name, "", Address: (byte)o.Address, Bus: o.Bus)),
        },
        new(MaskDetectorFamily.Family, (d, at) => new(new SimulatedMaskDetector(at.Hardware.Chip, d.Line ?? -1)))
        {
            Scripted = Settings<MaskDetectorOptions>(o => new(o.Name, "", Line: o.Line)),
        },
        new(TamperInputFamily.Family, (d, at) => new(new SimulatedTamperSwitch(at.Hardware.Chip, d.Line ?? -1)))
        {
            Scripted = Settings<TamperInputOptions>(o => new(o.Name, "", Line: o.Line)),
        },
    ];

    /// <summary>The simulator's line for a family, or null for one it does not play (a guard keypad: a person presses it).</summary>
    public static SimulatedFamily? Of(DeviceFamily family) => All.FirstOrDefault(s => s.Family == family);

    /// <summary>A device the gateway polls: the script waits for its first poll before playing.</summary>
    private static SimulatedDevice Polled<T>(T device, Func<T, Task> run, Func<T, Task> firstPoll) where T : class =>
        new(device, run(device), firstPoll(device));

    private static Func<DeviceOptions, SimulatorScript.Device> Settings<TOptions>(Func<TOptions, SimulatorScript.Device> scripted)
        where TOptions : DeviceOptions => options => scripted((TOptions)options);
}

/// <summary>
/// One family as the simulator plays it. <see cref="Play"/> builds the device for a script entry
/// where it is wired; <see cref="Scripted"/> gives the script entry for a configured device with
/// the settings the simulated one must match (its name alone if null; the kind is filled in);
/// <see cref="UnregisteredCard"/> is a card the rehearsal presents when nobody registered holds
/// one the reader reads, in the family's format; <see cref="NotRehearsed"/> are the settings a
/// rehearsal removes from the technician's entry.
/// </summary>
internal sealed record SimulatedFamily(DeviceFamily Family, Func<SimulatorScript.Device, SimulatedSite, SimulatedDevice> Play)
{
    public Func<DeviceOptions, SimulatorScript.Device>? Scripted { get; init; }

    public string UnregisteredCard { get; init; } = "04A1B2C3";

    public IReadOnlyList<string> NotRehearsed { get; init; } = [];

    /// <summary>The script entry for a configured device of this family.</summary>
    public SimulatorScript.Device ScriptEntry(DeviceOptions options) =>
        (Scripted?.Invoke(options) ?? new SimulatorScript.Device(options.Name, "")) with { Kind = Family.Kind };
}

/// <summary>
/// Where a simulated device is wired: its own serial line (or its drop of a shared one), or the
/// gateway's in-process GPIO chip and I²C buses; <see cref="Stop"/> ends its run.
/// </summary>
internal sealed class SimulatedSite(SimulatorScript.Device device, SimulatedLine? line, InProcessHardware? hardware, CancellationToken stop)
{
    public SimulatedLine Line => line ?? throw new InvalidOperationException($"device '{device.Name}' has no serial line");

    public InProcessHardware Hardware => hardware ?? throw new InvalidDataException(
        $"device '{device.Name}': a {device.Kind} is simulated inside the gateway's process (the demo, tests), not on a port");

    public CancellationToken Stop => stop;
}

/// <summary>
/// A simulated device as the gate holds it: the device (what it plays is the interfaces it
/// implements), the task running it if it runs on its own, and its first poll if the gateway polls
/// it (the script waits for that before playing; devices that only talk are not waited for).
/// </summary>
internal sealed record SimulatedDevice(object Device, Task? Running = null, Task? FirstPoll = null);
