using System.IO.Ports;
using GateEdge.Devices.Serial.Linux;

namespace GateEdge.Devices.Serial;

/// <summary>
/// The one place GateEdge opens a serial port. Everything else takes a <see cref="Stream"/>. On
/// Linux that is <see cref="TtyPort"/>, which waits for bytes without a timer; elsewhere (a
/// developer's machine) System.IO.Ports, which polls while a read is pending.
/// </summary>
internal static class SerialPortOpener
{
    // docs/protocols.md §4: with the default infinite timeout a write to an unplugged port blocks forever.
    private const int WriteTimeoutMs = 500;

    // Closing System.IO.Ports' port flushes first, and a flush to a vanished device can wait forever
    // (seen with a pty whose other end was closed). The supervisor must reopen regardless, so it waits this long.
    private static readonly TimeSpan CloseBudget = TimeSpan.FromSeconds(1);

    /// <summary>What a port whose path is gone is called, wherever a driver finds it gone.</summary>
    public static string Missing(string path) => $"{path} does not exist (unplugged, or renamed: configure /dev/serial/by-id paths)";

    /// <summary>
    /// Opens <paramref name="path"/>. With the system clock, a tty's waits run on its own read
    /// thread (<see cref="TtyPort.Clock"/>); any other clock (a test's) is used as it is.
    /// </summary>
    public static SerialConnection Open(string path, int baudRate, TimeProvider time)
    {
        if (!File.Exists(path))
        {
            throw new DeviceDisconnectedException(Missing(path));
        }

        if (OperatingSystem.IsLinux())
        {
            var tty = TtyPort.Open(path, baudRate);
            return new SerialConnection(new SerialLine(tty, time == TimeProvider.System ? tty.Clock : time), tty.Dispose);
        }

        var port = new SerialPort(path, baudRate, Parity.None, 8, StopBits.One)
        {
            Handshake = Handshake.None,
            WriteTimeout = WriteTimeoutMs,
        };
        try
        {
            port.Open();
            port.DiscardInBuffer();
            // A close that never returns keeps one thread, not the supervisor.
            return new SerialConnection(new SerialLine(port.BaseStream, time), () => Task.Run(() => Close(port)).Wait(CloseBudget));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException or ArgumentException)
        {
            port.Dispose();
            throw new DeviceDisconnectedException($"{path} could not be opened: {ex.Message}", ex);
        }
    }

    private static void Close(SerialPort port)
    {
        try
        {
            port.DiscardOutBuffer();
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or UnauthorizedAccessException)
        {
            // Nothing to discard on a port that is already gone.
        }

        try
        {
            port.Dispose();
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or UnauthorizedAccessException)
        {
            // An unplugged port may fail to close; it is gone either way.
        }
    }
}
