using System.IO.Ports;

namespace GateEdge.Devices.Serial;

/// <summary>
/// The one place GateEdge opens a <c>/dev/tty*</c>. Everything else takes a <see cref="Stream"/>.
/// </summary>
internal static class SerialPortOpener
{
    // docs/protocols.md §4: with the default infinite timeout a write to an unplugged port blocks forever.
    private const int WriteTimeoutMs = 500;

    public static SerialConnection Open(string path, int baudRate)
    {
        if (!File.Exists(path))
        {
            throw new DeviceDisconnectedException($"{path} does not exist (unplugged, or renamed: configure /dev/serial/by-id paths)");
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
            return new SerialConnection(port);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException or ArgumentException)
        {
            port.Dispose();
            throw new DeviceDisconnectedException($"{path} could not be opened: {ex.Message}", ex);
        }
    }
}
