using System.Text.Json.Serialization;
using System.Text.Json;
using GateEdge.Devices.CardReaders.IdCard;
using GateEdge.Devices;
using GateEdge.Simulator.Devices;
using GateEdge.Simulator.Faults;

namespace GateEdge.Simulator.Script;

/// <summary>
/// What the simulator plays: the devices it stands in for, the people, and their visits in order.
/// A technician can write one to rehearse a gate (docs/simulator.md).
/// </summary>
internal sealed record SimulatorScript(
    IReadOnlyList<SimulatorScript.Device> Devices,
    IReadOnlyList<SimPerson> People,
    IReadOnlyList<SimulatorScript.Visit> Visits,
    bool Loop = false,
    TimeSpan? MeasureTime = null,
    TimeSpan? LeaveTime = null,
    IReadOnlyList<SimulatorScript.ScriptedFault>? Faults = null)
{
    /// <summary>How long a person stands at the thermometer before presenting the card.</summary>
    public TimeSpan MeasureFor => MeasureTime ?? TimeSpan.FromMilliseconds(600);

    /// <summary>How long a person lingers in front of the thermometer after the card was read.</summary>
    public TimeSpan LeaveAfter => LeaveTime ?? TimeSpan.FromMilliseconds(400);

    /// <summary>
    /// A simulated device; its port appears as <c>{links}/{Name}</c>. An ASCII line reader prints
    /// UIDs in <see cref="Radix"/> (<c>decimal</c> or <c>hex</c>) and <see cref="ByteOrder"/>
    /// (<c>card-order</c> or <c>reversed</c>); an OSDP reader answers at <see cref="Address"/>. In-process
    /// devices name their wiring: a Wiegand reader <see cref="D0Line"/> and <see cref="D1Line"/>, a mask
    /// detector its <see cref="Line"/>, an MLX90614 its <see cref="Bus"/> (and <see cref="Address"/>, 0x5A if 0).
    /// A device on a port with a <see cref="WarmUp"/> was powered on with the gateway: it answers
    /// nothing until that long after the gateway first spoke to it. Devices naming the same
    /// <see cref="Port"/> share one virtual port, <c>{links}/{Port}</c>, as on an RS-485 bus: OSDP
    /// readers and Modbus heads, each answering only its <see cref="Address"/> (a Modbus head's
    /// unit id, 1 if 0). An OSDP reader in <see cref="InstallMode"/> accepts a secure channel on the
    /// default key until the gateway gives it its own.
    /// </summary>
    internal sealed record Device(string Name, string Kind, string? Radix = null, string? ByteOrder = null, byte Address = 0,
        int? D0Line = null, int? D1Line = null, int? Line = null, int Bus = 1, TimeSpan WarmUp = default, string? Port = null, bool InstallMode = false);

    /// <summary>
    /// One person at one lane: they step in front of the thermometer showing <see cref="BodyC"/>,
    /// put their card on the reader until it is read, then leave. <see cref="After"/> is the pause
    /// before the visit starts.
    /// </summary>
    /// <remarks>At a lane with a mask detector (<see cref="MaskDetector"/>), <see cref="Masked"/> says whether the person wears one.</remarks>
    internal sealed record Visit(string Person, string Reader, string Thermometer, decimal BodyC, TimeSpan After, string? MaskDetector = null, bool Masked = true);

    /// <summary>
    /// <see cref="Device"/>'s line misbehaves from <see cref="At"/> (after the gateway connected) for
    /// <see cref="For"/>. <see cref="Fault"/> is <c>unplug</c> or a <see cref="LineFault"/> in kebab case.
    /// </summary>
    internal sealed record ScriptedFault(string Device, string Fault, TimeSpan At, TimeSpan For);

    /// <summary>The gateway's family of a script device: the kinds are the families' names (docs/simulator.md).</summary>
    public static DeviceFamily FamilyOf(Device device) =>
        DeviceFamilies.All.FirstOrDefault(f => f.Kind == device.Kind)
        ?? throw new InvalidDataException($"device '{device.Name}': unknown kind '{device.Kind}' (known: {string.Join(", ", DeviceFamilies.All.Select(f => f.Kind))})");

    /// <summary>Readers that read a compound card: every card-reader family but the ID-card reader's.</summary>
    private static bool ReadsCompoundCards(DeviceFamily family) => family.Role == DeviceRole.CardReader && family != IdCardReaderFamily.Family;

    public static SimulatorScript Load(string path)
    {
        using var stream = File.OpenRead(path);
        var script = JsonSerializer.Deserialize(stream, ScriptJson.Default.SimulatorScript)
            ?? throw new InvalidDataException($"{path}: empty script");
        script.Check(path);
        return script;
    }

    private void Check(string path)
    {
        var names = Devices.ToDictionary(d => d.Name, FamilyOf);
        for (int i = 0; i < (Faults?.Count ?? 0); i++)
        {
            var fault = Faults![i];
            if (!names.ContainsKey(fault.Device))
            {
                throw new InvalidDataException($"{path}: faults[{i}].device '{fault.Device}' is not among the devices");
            }

            if (names[fault.Device].Role == DeviceRole.MaskDetector)
            {
                throw new InvalidDataException($"{path}: faults[{i}]: a mask detector has no protocol to disturb; script its visits without a mask instead");
            }

            if (!FaultPlayer.IsKnown(fault.Fault))
            {
                throw new InvalidDataException($"{path}: faults[{i}].fault '{fault.Fault}' is not one of {string.Join(", ", FaultPlayer.Names)}");
            }
        }

        var people = People.ToDictionary(p => p.Name);
        for (int i = 0; i < Visits.Count; i++)
        {
            var v = Visits[i];
            if (!people.TryGetValue(v.Person, out var person))
            {
                throw new InvalidDataException($"{path}: visits[{i}].person '{v.Person}' is not among the people");
            }

            if (names.GetValueOrDefault(v.Reader)?.Role != DeviceRole.CardReader || names.GetValueOrDefault(v.Thermometer)?.Role != DeviceRole.Thermometer)
            {
                throw new InvalidDataException($"{path}: visits[{i}] names a reader or thermometer that is not among the devices");
            }

            if (v.MaskDetector is { } detector && names.GetValueOrDefault(detector)?.Role != DeviceRole.MaskDetector)
            {
                throw new InvalidDataException($"{path}: visits[{i}].maskDetector '{detector}' is not a mask-detector among the devices");
            }

            if (ReadsCompoundCards(names[v.Reader]) && person.CompoundCard is null)
            {
                throw new InvalidDataException($"{path}: visits[{i}]: {v.Person} has no compoundCard to present at {v.Reader}");
            }
        }
    }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, WriteIndented = true)]
[JsonSerializable(typeof(SimulatorScript))]
internal sealed partial class ScriptJson : JsonSerializerContext;
