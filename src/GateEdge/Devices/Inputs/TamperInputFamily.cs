namespace GateEdge.Devices.Inputs;

/// <summary>The enclosure's tamper switch on a GPIO line: opening the box raises an alarm.</summary>
internal static class TamperInputFamily
{
    public static readonly DeviceFamily<TamperInputOptions> Family = new("tamper-input", DeviceRole.Enclosure, DeviceWiring.Gpio, d => d.TamperInputs,
        (o, s) => InputDevices.TamperInput(o, s.Gpio, s.Sink, s.Time))
    {
        Lines = t => [("Line", t.Line)],
    };
}
