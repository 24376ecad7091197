using GateEdge.Devices.CardReaders;
using GateEdge.Devices.Inputs;
using GateEdge.Devices.Thermometers;

namespace GateEdge.Lanes;

/// <summary>What a lane reacts to, processed one at a time in arrival order.</summary>
internal abstract record LaneInput
{
    internal sealed record Card(CardPresented Presented) : LaneInput;

    internal sealed record Reading(ThermometerReading Value) : LaneInput;

    internal sealed record PairingWindowClosed(long PresentationId) : LaneInput;

    internal sealed record ThermometerLost : LaneInput;

    internal sealed record Mask(MaskSignal Signal) : LaneInput;

    internal sealed record GuardKey(GuardKeyPressed Pressed) : LaneInput;

    internal sealed record GuardDecisionTimedOut(long ReferralId) : LaneInput;
}
