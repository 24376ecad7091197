using System.Device.Gpio;

namespace GateEdge.Devices.Inputs;

/// <summary>What each GPIO input family reports when its lines settle.</summary>
internal static class InputDevices
{
    public static IDeviceSession MaskDetector(MaskDetectorOptions options, GpioController gpio, IDeviceEventSink sink, TimeProvider time) =>
        new GpioInputSession(options, gpio, (_, active) => sink.OnMaskSignal(new MaskSignal(options.Name, active, time.GetUtcNow())), time);

    /// <summary>A key counts when pressed; its release says nothing.</summary>
    public static IDeviceSession GuardKeypad(GuardKeypadOptions options, GpioController gpio, IDeviceEventSink sink, TimeProvider time) =>
        new GpioInputSession(options, gpio, (line, active) =>
        {
            if (active)
            {
                sink.OnGuardKey(new GuardKeyPressed(options.Name, line == 0 ? GuardKey.Confirm : GuardKey.Deny, time.GetUtcNow()));
            }
        }, time);
}
