namespace GateEdge.Devices.Thermometers.SerialIr.Protocol;

/// <summary>One temperature frame of a GY-MCU90614-style module, values in °C.</summary>
internal sealed record GyFrame(decimal ObjectC, decimal AmbientC);
