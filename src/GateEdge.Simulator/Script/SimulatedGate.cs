using GateEdge.Devices.CardReaders.Pn532;
using GateEdge.Devices.CardReaders.Rdm6300;
using GateEdge.Devices.Thermometers.Mlx90614;
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
            var simulated = SimulatedFamilies.Of(family)
                ?? throw new InvalidDataException($"device '{device.Name}': the simulator has no {device.Kind} yet");
            SimulatedLine? line = family.Wiring == DeviceWiring.Serial ? LineFor(device, links) : null;
            Add(device.Name, simulated.Play(device, new SimulatedSite(device, line, hardware, _stop.Token)));
        }
    }

    private SimulatedLine LineFor(SimulatorScript.Device device, string links)
    {
        SimulatedLine line;
        if (device.Port is { } shared)
        {
            // A bus: one virtual port, and each device on it its own drop of the line.
            if (!_buses.TryGetValue(shared, out var bus))
            {
                _buses[shared] = bus = SimulatedLine.Create(Path.Combine(links, shared));
            }

            line = bus.Drop(device.WarmUp);
        }
        else
        {
            line = SimulatedLine.Create(Path.Combine(links, device.Name), device.WarmUp);
        }

        Lines[device.Name] = line;
        return line;
    }

    /// <summary>Files a device under what it plays, and keeps its run and its first poll.</summary>
    private void Add(string name, SimulatedDevice simulated)
    {
        switch (simulated.Device)
        {
            case SimulatedIdCardReader reader:
                Readers[name] = reader;
                break;
            case ICompoundCardReader reader:
                CompoundCardReaders[name] = reader;
                break;
            case ISimulatedThermometer thermometer:
                Thermometers[name] = thermometer;
                break;
            case SimulatedVoiceModule voice:
                VoiceModules[name] = voice;
                break;
            case SimulatedMaskDetector detector:
                MaskDetectors[name] = detector;
                break;
        }

        if (simulated.Device is ITamperable tamperable)
        {
            Tamperable[name] = tamperable;
        }

        if (simulated.Device is IFaultableDevice faultable)
        {
            FaultableDevices[name] = faultable;
        }

        if (simulated.Running is { } running)
        {
            _running.Add(running);
        }

        if (simulated.FirstPoll is { } firstPoll)
        {
            _polled.Add(firstPoll);
        }
    }

    public Dictionary<string, SimulatedVoiceModule> VoiceModules { get; } = [];

    public Dictionary<string, SimulatedIdCardReader> Readers { get; } = [];

    public Dictionary<string, ICompoundCardReader> CompoundCardReaders { get; } = [];

    public Dictionary<string, ISimulatedThermometer> Thermometers { get; } = [];

    public Dictionary<string, SimulatedMaskDetector> MaskDetectors { get; } = [];

    /// <summary>Every device's serial line by device name, to unplug or disturb.</summary>
    public Dictionary<string, SimulatedLine> Lines { get; } = [];

    /// <summary>Devices with a tamper switch, by device name: OSDP readers, the enclosure's switch.</summary>
    public Dictionary<string, ITamperable> Tamperable { get; } = [];

    /// <summary>In-process devices that play faults themselves, by device name.</summary>
    public Dictionary<string, IFaultableDevice> FaultableDevices { get; } = [];

    /// <summary>Completes once the gateway polls every device that is polled (compound-card readers that only talk are not waited for).</summary>
    public Task GatewayConnected => Task.WhenAll(_polled);

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
