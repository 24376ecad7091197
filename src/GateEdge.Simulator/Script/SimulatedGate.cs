using GateEdge.Simulator.Devices;
using GateEdge.Simulator.Faults;

namespace GateEdge.Simulator.Script;

/// <summary>The simulated devices of one script, each on its own virtual serial port under <c>links</c>.</summary>
internal sealed class SimulatedGate : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _running = [];
    private readonly List<Task> _polled = [];
    

    public SimulatedGate(SimulatorScript script, string links)
    {
        foreach (var device in script.Devices)
        {
            var port = SimulatedLine.Create(Path.Combine(links, device.Name));
            Lines[device.Name] = port;
            switch (device.Kind)
            {
                case SimulatorScript.IdCardReaderKind:
                    var reader = new SimulatedIdCardReader(device.Name, port);
                    Readers[device.Name] = reader;
                    _running.Add(reader.RunAsync(_stop.Token));
                    break;
                case SimulatorScript.Rdm6300ReaderKind:
                    CompoundCardReaders[device.Name] = new SimulatedRdm6300Reader(device.Name, port);
                    break;
                case SimulatorScript.AsciiLineReaderKind:
                    CompoundCardReaders[device.Name] = new SimulatedAsciiLineReader(device.Name, port, device.Radix == "hex", device.ByteOrder == "reversed");
                    break;
                case SimulatorScript.OsdpReaderKind:
                    var osdp = new SimulatedOsdpReader(device.Name, port, device.Address);
                    CompoundCardReaders[device.Name] = osdp;
                    _polled.Add(osdp.FirstPoll);
                    _running.Add(osdp.RunAsync(_stop.Token));
                    break;
                case SimulatorScript.Pn532ReaderKind:
                    var nfc = new SimulatedPn532(device.Name, port);
                    CompoundCardReaders[device.Name] = nfc;
                    _polled.Add(nfc.FirstPoll);
                    _running.Add(nfc.RunAsync(_stop.Token));
                    break;
                case SimulatorScript.SerialIrThermometerKind:
                    var thermometer = new SimulatedIrThermometer(device.Name, port);
                    Thermometers[device.Name] = thermometer;
                    _running.Add(thermometer.RunAsync(_stop.Token));
                    break;
                case SimulatorScript.ModbusThermometerKind:
                    var head = new SimulatedModbusThermometer(device.Name, port);
                    ModbusThermometers[device.Name] = head;
                    _running.Add(head.RunAsync(_stop.Token));
                    break;
                default:
                    throw new InvalidDataException($"device '{device.Name}': unknown kind '{device.Kind}'");
            }
        }
    }

    public Dictionary<string, SimulatedIdCardReader> Readers { get; } = [];

    public Dictionary<string, ICompoundCardReader> CompoundCardReaders { get; } = [];

    public Dictionary<string, SimulatedIrThermometer> Thermometers { get; } = [];

    public Dictionary<string, SimulatedModbusThermometer> ModbusThermometers { get; } = [];

    /// <summary>Puts a person at <paramref name="bodyC"/> in front of a thermometer of either kind, or takes them away (null).</summary>
    public void SetTarget(string thermometer, decimal? bodyC)
    {
        if (Thermometers.TryGetValue(thermometer, out var ir))
        {
            ir.SetTarget(bodyC);
        }
        else
        {
            ModbusThermometers[thermometer].SetTarget(bodyC);
        }
    }

    /// <summary>Every device's serial line by device name, to unplug or disturb.</summary>
    public Dictionary<string, SimulatedLine> Lines { get; } = [];

    /// <summary>Completes once the gateway polls every device that is polled (compound-card readers that only talk are not waited for).</summary>
    public Task GatewayConnected => Task.WhenAll(Readers.Values.Select(r => r.FirstPoll)
        .Concat(_polled)
        .Concat(Thermometers.Values.Select(t => t.FirstQuery))
        .Concat(ModbusThermometers.Values.Select(t => t.FirstQuery)));

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

        foreach (var line in Lines.Values)
        {
            await line.DisposeAsync();
        }

        _stop.Dispose();
    }
}
