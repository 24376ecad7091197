namespace GateEdge.Devices.Bus;

/// <summary>
/// The settings of a device that may share its serial port with others of its family, each
/// answering at its own address (docs/devices.md, "Buses").
/// </summary>
internal interface IBusAddressed
{
    /// <summary>The address the device answers at on its line: an OSDP address, a Modbus unit id.</summary>
    int BusAddress { get; }
}
