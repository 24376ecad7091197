using System.Device.Gpio;

namespace GateEdge.Devices.Gpio;

/// <summary>Pulse lines on <c>/dev/gpiochipN</c>, one kernel request for both lines.</summary>
internal sealed class GpioChipPulseLineSource(int chip) : IPulseLineSource
{
    public IPulseLines Open(int zeroLine, int oneLine, string consumer) => GpioChipPulseLines.Open(chip, zeroLine, oneLine, consumer);
}

/// <summary>Pulse lines on the simulated chip the gateway's outputs also use.</summary>
internal sealed class ControllerPulseLineSource(GpioController gpio, TimeProvider time) : IPulseLineSource
{
    public IPulseLines Open(int zeroLine, int oneLine, string consumer) => new ControllerPulseLines(gpio, zeroLine, oneLine, time);
}
