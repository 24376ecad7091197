using GateEdge.Devices.CardReaders;
using GateEdge.Devices.Health;
using GateEdge.Devices.Thermometers;
using GateEdge.Rules;

namespace GateEdge.Lanes;

/// <summary>One decided attempt at a lane: what was presented and measured, what the rules said, and the guard on duty.</summary>
internal sealed record LaneAttempt(
    LaneOptions Lane,
    CardPresented Card,
    RegisteredPerson? Person,
    ThermometerReading? Reading,
    MaskStatus Mask,
    Decision Decision,
    IReadOnlyList<DeviceHealth> Devices,
    DateTimeOffset DecidedAt,
    string? Guard = null);
