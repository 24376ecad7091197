using GateEdge.Configuration;
using GateEdge.Devices.CardReaders;
using GateEdge.Devices.Serial;
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
            .Select(c => Simulated(c.Family).ScriptEntry(c.Options) with { Port = buses.GetValueOrDefault(c.Options.Name) })];
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
        Simulated(DeviceFamilies.Configured(d).First(c => c.Options.Name == reader).Family).UnregisteredCard;

    private static SimulatedFamily Simulated(DeviceFamily family) =>
        SimulatedFamilies.Of(family) ?? throw new InvalidDataException($"the simulator has no {family.Kind} to rehearse with");
}
