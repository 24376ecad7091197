using System.IO.Ports;

namespace GateEdge.Devices.Serial;

/// <summary>An open serial port and the stream sessions talk through.</summary>
internal sealed class SerialConnection(SerialPort port) : IDisposable
{
    // Closing flushes first, and a flush to a vanished device can wait forever (seen with a pty
    // whose other end was closed). The supervisor must reopen regardless, so it waits this long.
    private static readonly TimeSpan CloseBudget = TimeSpan.FromSeconds(1);

    public Stream Stream => port.BaseStream;

    public void Dispose()
    {
        var closing = Task.Run(() =>
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
        });

        // A close that never returns keeps one thread, not the supervisor.
        closing.Wait(CloseBudget);
    }
}
