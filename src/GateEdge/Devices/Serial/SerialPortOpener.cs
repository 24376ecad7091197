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

    /// <summary>What a port whose path is gone is called, wherever a driver finds it gone.</summary>
    public static string Missing(string path) => $"{path} does not exist (unplugged, or renamed: configure /dev/serial/by-id paths)";

    public static SerialConnection Open(string path, int baudRate)
    {
        if (!File.Exists(path))
        {
            throw new DeviceDisconnectedException(Missing(path));
        }

        if (OperatingSystem.IsLinux())
        {
            var tty = TtyPort.Open(path, baudRate);
            return new SerialConnection(tty, tty.Dispose);
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
            return new SerialConnection(port.BaseStream, () => Close(port));
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
