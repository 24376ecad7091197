using System.Collections.Concurrent;
using GateEdge.Devices.CardReaders;
using GateEdge.Devices.Inputs;
using GateEdge.Devices.Thermometers;
using GateEdge.Devices;

namespace GateEdge.Tests.Support;

internal sealed class CollectingSink : IDeviceEventSink
{
    public ConcurrentQueue<CardPresented> Cards { get; } = new();

    public ConcurrentQueue<ThermometerReading> Readings { get; } = new();

    public ConcurrentQueue<MaskSignal> MaskSignals { get; } = new();

    public ConcurrentQueue<GuardKeyPressed> GuardKeys { get; } = new();

    public void OnCardPresented(CardPresented card) => Cards.Enqueue(card);

    public void OnReading(ThermometerReading reading) => Readings.Enqueue(reading);

    public void OnMaskSignal(MaskSignal signal) => MaskSignals.Enqueue(signal);

    public void OnGuardKey(GuardKeyPressed key) => GuardKeys.Enqueue(key);

    public ConcurrentQueue<DeviceAlarm> Alarms { get; } = new();

    public void OnAlarm(DeviceAlarm alarm) => Alarms.Enqueue(alarm);
}
