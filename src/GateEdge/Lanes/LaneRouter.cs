using GateEdge.Devices.CardReaders;
using GateEdge.Devices.Health;
using GateEdge.Devices.Inputs;
using GateEdge.Devices.Thermometers;
using GateEdge.Devices;

namespace GateEdge.Lanes;

/// <summary>Hands each device's output to the lanes that bind that device by name.</summary>
internal sealed class LaneRouter : IDeviceEventSink
{
    private readonly ILookup<string, LaneCoordinator> _byCardReader;
    private readonly ILookup<string, LaneCoordinator> _byThermometer;
    private readonly ILookup<string, LaneCoordinator> _byMaskDetector;
    private readonly ILookup<string, LaneCoordinator> _byGuardKeypad;

    private readonly Action<DeviceAlarm> _alarms;
    private readonly DeviceHealthBoard _health;
    private readonly CardReadFlood? _flood;
    private readonly ReaderAttention? _attention;

    /// <param name="alarms">Where device alarms go: the journal, in the gateway; a test's list.</param>
    /// <param name="flood">The limit on cards per reader; none: every read goes to the lanes.</param>
    /// <param name="attention">Told when a thermometer sees a person, so that lane's readers look for the card faster; none: readers keep their pace.</param>
    public LaneRouter(IReadOnlyList<LaneCoordinator> lanes, DeviceHealthBoard health, Action<DeviceAlarm>? alarms = null, CardReadFlood? flood = null,
        ReaderAttention? attention = null)
    {
        _attention = attention;
        _alarms = alarms ?? (_ => { });
        _health = health;
        _flood = flood;
        _byCardReader = lanes.SelectMany(l => l.Lane.CardReaders, (lane, reader) => (lane, reader)).ToLookup(x => x.reader, x => x.lane, StringComparer.Ordinal);
        _byThermometer = lanes.ToLookup(l => l.Lane.Thermometer, StringComparer.Ordinal);
        _byMaskDetector = lanes.Where(l => l.Lane.MaskDetector is not null).ToLookup(l => l.Lane.MaskDetector!, StringComparer.Ordinal);
        _byGuardKeypad = lanes.Where(l => l.Lane.GuardKeypad is not null).ToLookup(l => l.Lane.GuardKeypad!, StringComparer.Ordinal);
        health.Changed += OnHealthChanged;
    }

    public void OnCardPresented(CardPresented card)
    {
        if (_flood is not null && !_flood.Admit(card.Device, card.Credential, out bool floodBegins))
        {
            _health.Get(card.Device).Counters?.CountFloodedRead("more different cards than people can present: reads counted, not decided");
            if (floodBegins)
            {
                _alarms(new DeviceAlarm(card.Device, DeviceAlarm.ReadFlood,
                    "more different cards than people can present (a forged or faulty line): reads beyond the limit are counted, not decided", card.At));
            }

            return;
        }

        foreach (var lane in _byCardReader[card.Device])
        {
            lane.Post(new LaneInput.Card(card));
        }
    }

    public void OnReading(ThermometerReading reading)
    {
        foreach (var lane in _byThermometer[reading.Device])
        {
            if (reading.HasTarget && _attention is not null)
            {
                foreach (var reader in lane.Lane.CardReaders)
                {
                    _attention.Attend(reader);
                }
            }

            lane.Post(new LaneInput.Reading(reading));
        }
    }

    public void OnMaskSignal(MaskSignal signal)
    {
        foreach (var lane in _byMaskDetector[signal.Device])
        {
            lane.Post(new LaneInput.Mask(signal));
        }
    }

    public void OnGuardKey(GuardKeyPressed key)
    {
        foreach (var lane in _byGuardKeypad[key.Device])
        {
            lane.Post(new LaneInput.GuardKey(key));
        }
    }

    public void OnAlarm(DeviceAlarm alarm) => _alarms(alarm);

    private void OnHealthChanged(DeviceHealth health)
    {
        if (health.IsAvailable)
        {
            return;
        }

        foreach (var lane in _byThermometer[health.Device])
        {
            lane.Post(new LaneInput.ThermometerLost());
        }
    }
}
