namespace GateEdge.Simulator.Faults;

/// <summary>
/// An in-process device (GPIO, I²C) that plays line faults itself, having no serial line to disturb.
/// Each plays the faults that mean something on its bus; "unplug" is played as <see cref="LineFault.Silence"/>.
/// </summary>
internal interface IFaultableDevice
{
    LineFault Fault { get; set; }
}
