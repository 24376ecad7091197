using GateEdge.Devices.CardReaders.AsciiLine;
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
/// The simulated devices of one script: serial devices each on its own virtual serial port under
/// <c>links</c>, or sharing one as on an RS-485 bus, GPIO and I²C devices on the gateway's
/// in-process hardware when there is one.
/// </summary>
internal sealed class SimulatedGate : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _running = [];
    private readonly List<Task> _polled = [];
    private readonly Dictionary<string, SimulatedLine> _buses = new(StringComparer.Ordinal);

    public SimulatedGate(SimulatorScript script, string links, InProcessHardware? hardware = null)
    {
        foreach (var device in script.Devices)
        {
            var family = SimulatorScript.FamilyOf(device);
            if (family.Wiring != DeviceWiring.Serial)
            {
                AddInProcess(family, device, hardware ?? throw new InvalidDataException(
                    $"device '{device.Name}': a {device.Kind} is simulated inside the gateway's process (the demo, tests), not on a port"));
                continue;
            }

            SimulatedLine port;
            if (device.Port is { } shared)
            {
                // A bus: one virtual port, and each device on it its own drop of the line.
                if (!_buses.TryGetValue(shared, out var bus))
                {
                    _buses[shared] = bus = SimulatedLine.Create(Path.Combine(links, shared));
                }

                port = bus.Drop(device.WarmUp);
            }
            else
            {
                port = SimulatedLine.Create(Path.Combine(links, device.Name), device.WarmUp);
            }

            Lines[device.Name] = port;
            AddOnPort(family, device, port);
        }
    }

    /// <summary>The simulator's own device for each serial family: its wire code is independent of the gateway's codecs.</summary>
    private void AddOnPort(DeviceFamily family, SimulatorScript.Device device, SimulatedLine port)
    {
        if (family == IdCardReaderFamily.Family)
        {
            var reader = new SimulatedIdCardReader(device.Name, port);
            port.StrayHeader = SamWire.LongestReplyStart;
            Readers[device.Name] = reader;
            _running.Add(reader.RunAsync(_stop.Token));
        }
        else if (family == Rdm6300ReaderFamily.Family)
        {
            CompoundCardReaders[device.Name] = new SimulatedRdm6300Reader(device.Name, port);
        }
        else if (family == AsciiLineReaderFamily.Family)
        {
            CompoundCardReaders[device.Name] = new SimulatedAsciiLineReader(device.Name, port, device.Radix == "hex", device.ByteOrder == "reversed");
        }
        else if (family == OsdpReaderFamily.Family)
        {
            var osdp = new SimulatedOsdpReader(device.Name, port, device.Address) { InstallMode = device.InstallMode };
            CompoundCardReaders[device.Name] = osdp;
            Polled(osdp.FirstPoll, osdp.RunAsync(_stop.Token));
        }
        else if (family == Pn532ReaderFamily.Family)
        {
            var nfc = new SimulatedPn532(device.Name, port);
            CompoundCardReaders[device.Name] = nfc;
            Polled(nfc.FirstPoll, nfc.RunAsync(_stop.Token));
        }
        else if (family == SerialIrThermometerFamily.Family)
        {
            var thermometer = new SimulatedIrThermometer(device.Name, port);
            Thermometers[device.Name] = thermometer;
            Polled(thermometer.FirstQuery, thermometer.RunAsync(_stop.Token));
        }
        else if (family == ModbusThermometerFamily.Family)
        {
            var head = new SimulatedModbusThermometer(device.Name, port, device.Address == 0 ? (byte)1 : device.Address);
            Thermometers[device.Name] = head;
            Polled(head.FirstQuery, head.RunAsync(_stop.Token));
        }
        else if (family == VoiceModuleFamily.Family)
        {
            var voice = new SimulatedVoiceModule(device.Name, port);
            VoiceModules[device.Name] = voice;
            Polled(voice.FirstQuery, voice.RunAsync(_stop.Token));
        }
        else
        {
            throw new InvalidDataException($"device '{device.Name}': the simulator has no {device.Kind} yet");
        }
    }

    public Dictionary<string, SimulatedVoiceModule> VoiceModules { get; } = [];

    public Dictionary<string, SimulatedIdCardReader> Readers { get; } = [];

    public Dictionary<string, ICompoundCardReader> CompoundCardReaders { get; } = [];

    public Dictionary<string, ISimulatedThermometer> Thermometers { get; } = [];

    public Dictionary<string, SimulatedMaskDetector> MaskDetectors { get; } = [];

    /// <summary>Every device's serial line by device name, to unplug or disturb.</summary>
    public Dictionary<string, SimulatedLine> Lines { get; } = [];

    /// <summary>In-process devices that play faults themselves, by device name.</summary>
    public Dictionary<string, IFaultableDevice> FaultableDevices { get; } = [];

    /// <summary>Completes once the gateway polls every device that is polled (compound-card readers that only talk are not waited for).</summary>
    public Task GatewayConnected => Task.WhenAll(Readers.Values.Select(r => r.FirstPoll).Concat(_polled));

    /// <summary>A device the gateway polls: the script waits for its first poll before playing.</summary>
    private void Polled(Task firstPoll, Task running)
    {
        _polled.Add(firstPoll);
        _running.Add(running);
    }

    private void AddInProcess(DeviceFamily family, SimulatorScript.Device device, InProcessHardware hardware)
    {
        if (family == WiegandReaderFamily.Family)
        {
            var wiegand = new SimulatedWiegandReader(device.Name, hardware.Chip, device.D0Line ?? -1, device.D1Line ?? -1);
            CompoundCardReaders[device.Name] = wiegand;
            FaultableDevices[device.Name] = wiegand;
            _running.Add(wiegand.RunAsync(_stop.Token));
        }
        else if (family == Mlx90614ThermometerFamily.Family)
        {
            int address = device.Address == 0 ? 0x5A : device.Address;
            var sensor = new SimulatedMlx90614(device.Bus, address);
            hardware.I2cBuses.Attach(device.Bus, address, () => sensor);
            Thermometers[device.Name] = sensor;
            FaultableDevices[device.Name] = sensor;
        }
        else if (family == MaskDetectorFamily.Family)
        {
            MaskDetectors[device.Name] = new SimulatedMaskDetector(hardware.Chip, device.Line ?? -1);
        }
        else
        {
            throw new InvalidDataException($"device '{device.Name}': the simulator has no {device.Kind} yet");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await Task.WhenAll(_running);
        }
        catch (OperationCanceledException)
        {
        }

        // Each device's line, then the buses' ports under the drops.
        foreach (var line in Lines.Values.Concat(_buses.Values))
        {
            await line.DisposeAsync();
        }

        _stop.Dispose();
    }
}
