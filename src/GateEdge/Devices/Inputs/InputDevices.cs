using System.Device.Gpio;

namespace GateEdge.Devices.Inputs;

/// <summary>What each GPIO input family reports when its lines settle.</summary>
internal static class InputDevices
{
    public static IDeviceSession MaskDetector(MaskDetectorOptions options, GpioController gpio, IDeviceEventSink sink, TimeProvider time) =>
        new GpioInputSession(options, gpio, (_, active, _) => sink.OnMaskSignal(new MaskSignal(options.Name, active, time.GetUtcNow())), time);

    /// <summary>The box opened (or its wire cut): an alarm, the switch degraded; closed again: a log line. A box that starts open is reported at once.</summary>
    public static IDeviceSession TamperInput(TamperInputOptions options, GpioController gpio, IDeviceEventSink sink, TimeProvider time) =>
        new GpioInputSession(options, gpio, (_, open, link) =>
        {
            if (open)
            {
                const string Problem = "the gateway's enclosure is open (its tamper switch, or the switch's wire is cut)";
                link.Counters.CountTamper(Problem);
                sink.OnAlarm(new DeviceAlarm(options.Name, DeviceAlarm.EnclosureTamper, Problem, time.GetUtcNow()));
            }
        }, time);

    /// <summary>A key counts when pressed; its release says nothing.</summary>
    public static IDeviceSession GuardKeypad(GuardKeypadOptions options, GpioController gpio, IDeviceEventSink sink, TimeProvider time) =>
        new GpioInputSession(options, gpio, (line, active, _) =>
        {
            if (active)
            {
                sink.OnGuardKey(new GuardKeyPressed(options.Name, line == 0 ? GuardKey.Confirm : GuardKey.Deny, time.GetUtcNow()));
            }
        }, time);
}
