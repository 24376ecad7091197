namespace GateEdge.Devices.Inputs;

/// <summary>A guard's confirm and deny keys on two GPIO lines, at attended lanes.</summary>
internal static class GuardKeypadFamily
{
    public static readonly DeviceFamily<GuardKeypadOptions> Family = new("guard-keypad", DeviceRole.GuardKeypad, DeviceWiring.Gpio, d => d.GuardKeypads,
        (o, s) => InputDevices.GuardKeypad(o, s.Gpio, s.Sink, s.Time))
    {
        Lines = k => [("ConfirmLine", k.ConfirmLine), ("DenyLine", k.DenyLine)],
    };
}
