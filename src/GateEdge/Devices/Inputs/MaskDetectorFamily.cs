namespace GateEdge.Devices.Inputs;

/// <summary>Mask detectors' "mask seen" output on a GPIO line.</summary>
internal static class MaskDetectorFamily
{
    public static readonly DeviceFamily<MaskDetectorOptions> Family = new("mask-detector", DeviceRole.MaskDetector, DeviceWiring.Gpio, d => d.MaskDetectors,
        (o, s) => InputDevices.MaskDetector(o, s.Gpio, s.Sink, s.Time))
    {
        Lines = m => [("Line", m.Line)],
    };
}
