using GateEdge.Devices.CardReaders;
using GateEdge.Devices.Thermometers;
using GateEdge.Rules;

namespace GateEdge.Lanes;

/// <summary>
/// What a lane remembers between inputs: the readings that may still pair with a card, the cards
/// it saw lately (one presentation per duplicate window), each person's unfinished retest flow,
/// each measured on the monotonic clock and forgotten when its window is over.
/// </summary>
internal sealed partial class LaneCoordinator
{
    private readonly List<(ThermometerReading Reading, long At)> _readings = [];
    private readonly Dictionary<Credential, long> _lastPresented = [];
    private readonly Dictionary<Credential, KeptFlow> _flows = [];

    private void DropStaleReadings() =>
        _readings.RemoveAll(r => Since(r.At) > _policy.PairingWindow);

    private void ForgetOldState()
    {
        foreach (var (credential, at) in _lastPresented)
        {
            if (Since(at) > _policy.DuplicateWindow)
            {
                _lastPresented.Remove(credential);
            }
        }

        foreach (var (credential, kept) in _flows)
        {
            if (Since(kept.At) > _policy.RetestMemory)
            {
                _flows.Remove(credential);
            }
        }
    }

    private sealed record PendingCard(long Id, CardPresented Card, ITimer Timer);

    /// <summary>A retest flow kept between attempts, with the wall and monotonic time it was kept at.</summary>
    private sealed record KeptFlow(TemperatureFlow Flow, DateTimeOffset KeptAt, long At)
    {
        /// <summary>The flow with its retest time moved by any step of the wall clock since it was kept, so a rest lasts what it says.</summary>
        public TemperatureFlow AsOf(DateTimeOffset now, TimeSpan elapsed)
        {
            var step = now - KeptAt - elapsed;
            return Flow.RetestDueAt is { } due ? Flow with { RetestDueAt = due + step } : Flow;
        }
    }
}
