using GateEdge.Devices;
using GateEdge.Devices.CardReaders;
using GateEdge.Devices.Health;

namespace GateEdge.Lanes;

/// <summary>
/// Whether a thermometer is still measuring. Real infrared heads read with noise that follows the
/// person and the room; a head that gives the same value, to within <c>spread</c>, for
/// <c>after</c> different people in a row is hung or its line forged. From then on its readings are
/// not taken (each lane decides as if it were unavailable: deny unattended, refer attended), it is
/// degraded with the reason, and the centre gets one alarm. The first reading outside that band
/// clears it. This judges the device, never a person: no one is asked for more than the order
/// asks. Shared by the gateway's lanes, since one head may serve two lanes.
/// </summary>
/// <param name="after">How many different people in a row; 0: never judged.</param>
internal sealed class ThermometerPlausibility(int after, decimal spread, DeviceHealthBoard health, Action<DeviceAlarm> alarms, TimeProvider time)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Recent> _byDevice = new(StringComparer.Ordinal);

    /// <summary>
    /// Takes the reading a lane is about to decide <paramref name="credential"/> on; false when the
    /// thermometer is judged stuck and the reading must not be used.
    /// </summary>
    public bool Accept(string device, decimal bodyC, Credential credential)
    {
        if (after <= 0)
        {
            return true;
        }

        bool raise, stuck;
        lock (_lock)
        {
            if (!_byDevice.TryGetValue(device, out var recent))
            {
                _byDevice[device] = recent = new Recent();
            }

            if (recent.LastCredential == credential)
            {
                // The same person measured again (a retest): not another person.
                return !recent.Stuck;
            }

            recent.LastCredential = credential;
            recent.Readings.Enqueue(bodyC);
            while (recent.Readings.Count > after)
            {
                recent.Readings.Dequeue();
            }

            bool wasStuck = recent.Stuck;
            recent.Stuck = recent.Readings.Count == after && recent.Readings.Max() - recent.Readings.Min() <= spread;
            raise = recent.Stuck && !wasStuck;
            stuck = recent.Stuck;
        }

        if (stuck)
        {
            string problem = $"readings implausibly constant: {after} different people in a row within {spread} °C ({bodyC} °C); check the thermometer and its cable";
            health.Get(device).Counters?.CountImplausible(problem);
            if (raise)
            {
                alarms(new DeviceAlarm(device, DeviceAlarm.ThermometerImplausible, problem, time.GetUtcNow()));
            }
        }

        return !stuck;
    }

    private sealed class Recent
    {
        public Queue<decimal> Readings { get; } = new();

        public Credential? LastCredential { get; set; }

        public bool Stuck { get; set; }
    }
}
