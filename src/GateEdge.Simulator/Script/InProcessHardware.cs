using GateEdge.Devices.I2c;
using GateEdge.Outputs.Gpio;

namespace GateEdge.Simulator.Script;

/// <summary>
/// The gateway's simulated GPIO chip and I²C buses, for a simulator running in the gateway's own
/// process (the demo, tests): GPIO and I²C devices cannot be shared across processes as ptys can.
/// </summary>
internal sealed record InProcessHardware(SimulatedGpioDriver Chip, SimulatedI2cBuses I2cBuses);
