using GateEdge.Devices.CardReaders;
using GateEdge.Devices.Inputs;
using GateEdge.Devices.Thermometers;
using GateEdge.Lanes;
using Microsoft.Extensions.Time.Testing;

namespace GateEdge.Tests.Support;

/// <summary>
/// Plays a lane's devices into a <see cref="LaneCoordinator"/> on a fake clock, as the lane tests
/// need them: a card on <c>reader</c>, readings from <c>thermometer</c>, the <c>mask</c> detector's
/// level, the guard's <c>keys</c>, and time passing.
/// </summary>
/// <param name="time">The lane's clock (a stepped wall clock over <paramref name="clock"/>); <paramref name="clock"/> when left out.</param>
internal sealed class LaneDriver(LaneCoordinator lane, FakeTimeProvider clock, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? clock;

    public Task Card(Credential credential, string? holderName = null) =>
        lane.HandleAsync(new LaneInput.Card(new CardPresented("reader", credential, holderName, _time.GetUtcNow())), default);

    /// <summary>A person in front of the thermometer showing <paramref name="bodyC"/>.</summary>
    public Task Reading(decimal bodyC) =>
        lane.HandleAsync(new LaneInput.Reading(new ThermometerReading("thermometer", bodyC, bodyC, 25m, HasTarget: true, _time.GetUtcNow())), default);

    /// <summary>Nobody in front of the thermometer: it reads the room.</summary>
    public Task NoTarget() =>
        lane.HandleAsync(new LaneInput.Reading(new ThermometerReading("thermometer", 24.5m, 24.5m, 25m, HasTarget: false, _time.GetUtcNow())), default);

    public Task Mask(bool worn) => lane.HandleAsync(new LaneInput.Mask(new MaskSignal("mask", worn, _time.GetUtcNow())), default);

    public Task Key(GuardKey key) => lane.HandleAsync(new LaneInput.GuardKey(new GuardKeyPressed("keys", key, _time.GetUtcNow())), default);

    /// <summary>Moves the fake clock and lets the lane handle what its timers posted.</summary>
    public Task Advance(TimeSpan by)
    {
        clock.Advance(by);
        return lane.HandlePostedAsync(default);
    }
}
