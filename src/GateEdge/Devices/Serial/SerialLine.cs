namespace GateEdge.Devices.Serial;

/// <summary>
/// An open serial port as a session sees it: the bytes, and the clock its waits (poll interval,
/// reply timeout) and timestamps run on. On Linux with the system clock that is the port's own
/// read thread (<see cref="Linux.TtyPort.Clock"/>); elsewhere, and under a test's clock, the
/// gateway's.
/// </summary>
internal sealed record SerialLine(Stream Stream, TimeProvider Time);
