using GateEdge.Configuration;
using GateEdge.Devices.CardReaders.AsciiLine.Protocol;
using GateEdge.Devices.CardReaders.AsciiLine;
using GateEdge.Devices.CardReaders.Osdp;
using GateEdge.Devices.CardReaders.Wiegand;
using GateEdge.Devices.CardReaders;
using GateEdge.Devices.Inputs;
using GateEdge.Devices.Serial;
using GateEdge.Devices.Thermometers.Mlx90614;
using GateEdge.Devices.Thermometers.Modbus;
using GateEdge.Devices;
using GateEdge.Registry;
using GateEdge.Simulator.Devices;
using GateEdge.Simulator.Script;

namespace GateEdge.Simulator.Rehearsal;

/// <summary>
/// A script for a configured gate: a simulated device for every configured one, and at each lane
/// in turn a registered person from the seed file presenting a card the lane's readers read, at a
/// normal temperature and masked. A lane none of whose readers reads a registered card gets an
/// unregistered visitor instead, so its refusal can be rehearsed too.
/// </summary>
internal static class RehearsalScript
{
    public static SimulatorScript For(GatewayConfiguration config, TextWriter notes)
    {
        var d = config.Devices;
        var buses = RehearsalConfig.SharedLinks(DeviceFamilies.Configured(d).Where(c => c.Family.Wiring == DeviceWiring.Serial)
            .Select(c => (c.Options.Name, ((SerialDeviceOptions)c.Options).Port)));
        List<SimulatorScript.Device> devices = [.. DeviceFamilies.Configured(d).Where(c => c.Family.Role != DeviceRole.GuardKeypad)
            .Select(c => Simulated(c.Family, c.Options) with { Port = buses.GetValueOrDefault(c.Options.Name) })];
        if (d.GuardKeypads.Count > 0)
        {
            notes.WriteLine("note: guard keypads are not simulated; referred attempts at attended lanes wait and expire");
        }

        var registered = SeedFileRegistry.Load(config.Registry.SeedFile).Persons;
        var people = new List<SimPerson>();
        var visits = new List<SimulatorScript.Visit>();
        foreach (var lane in config.Lanes)
        {
            var reader = lane.CardReaders[0];
            bool idCards = d.IdCardReaders.Any(r => r.Name == reader);
            var kind = idCards ? CredentialKind.NationalId : CredentialKind.CompoundCard;
            var holders = registered.Where(p => p.Credentials.Any(c => c.Kind == kind)).Take(3).ToList();
            if (holders.Count == 0)
            {
                notes.WriteLine($"note: lane {lane.Id}: no registered person holds a card {reader} reads; an unregistered visitor presents one instead");
            }

            var cards = holders.Count > 0
                ? holders.Select(p => p.Credentials.First(c => c.Kind == kind).Number)
                : [idCards ? "110101199003072316" : CompoundCardFor(d, reader)];
            foreach (var card in cards)
            {
                var person = new SimPerson($"演练{people.Count + 1}", idCards ? card : "110101199003072316", CompoundCard: idCards ? null : card);
                people.Add(person);
                visits.Add(new SimulatorScript.Visit(person.Name, reader, lane.Thermometer, 36.5m + (people.Count % 5) / 10m, TimeSpan.FromSeconds(1),
                    lane.MaskDetector, Masked: true));
            }
        }

        return new SimulatorScript(devices, people, visits, Loop: true);
    }

    /// <summary>An unregistered card in the format the reader's family reports.</summary>
    private static string CompoundCardFor(DevicesOptions d, string reader) =>
        d.Rdm6300Readers.Any(r => r.Name == reader) ? "0A0B0C0D0E"
        : d.WiegandReaders.Any(r => r.Name == reader) || d.OsdpReaders.Any(r => r.Name == reader) ? "999/9999"
        : "04A1B2C3";

    /// <summary>The script's device for a configured one, with the wiring and settings the simulator must match.</summary>
    private static SimulatorScript.Device Simulated(DeviceFamily family, DeviceOptions options) => options switch
    {
        AsciiLineReaderOptions o => new(o.Name, family.Kind, Radix: o.Radix == UidRadix.Hex ? "hex" : "decimal", ByteOrder: o.ByteOrder == UidByteOrder.Reversed ? "reversed" : "card-order"),
        OsdpReaderOptions o => new(o.Name, family.Kind, Address: (byte)o.Address),
        ModbusThermometerOptions o => new(o.Name, family.Kind, Address: o.Address),
        WiegandReaderOptions o => new(o.Name, family.Kind, D0Line: o.D0Line, D1Line: o.D1Line),
        Mlx90614ThermometerOptions o => new(o.Name, family.Kind, Address: (byte)o.Address, Bus: o.Bus),
        MaskDetectorOptions o => new(o.Name, family.Kind, Line: o.Line),
        _ => new(options.Name, family.Kind),
    };
}
