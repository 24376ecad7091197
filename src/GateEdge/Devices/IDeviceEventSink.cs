using GateEdge.Devices.CardReaders;
using GateEdge.Devices.Inputs;
using GateEdge.Devices.Thermometers;

namespace GateEdge.Devices;

/// <summary>Where device sessions hand what they read: the lanes, in production.</summary>
internal interface IDeviceEventSink
{
    void OnCardPresented(CardPresented card);

    void OnReading(ThermometerReading reading);

    void OnMaskSignal(MaskSignal signal);

    void OnGuardKey(GuardKeyPressed key);

    /// <summary>Called on the device's thread; never blocks it.</summary>
    void OnAlarm(DeviceAlarm alarm);
}
