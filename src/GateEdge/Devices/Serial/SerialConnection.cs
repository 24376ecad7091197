namespace GateEdge.Devices.Serial;

/// <summary>An open serial port and the stream sessions talk through.</summary>
internal sealed class SerialConnection(Stream stream, Action close) : IDisposable
{
    // Closing System.IO.Ports' port flushes first, and a flush to a vanished device can wait forever
    // (seen with a pty whose other end was closed). The supervisor must reopen regardless, so it waits this long.
    private static readonly TimeSpan CloseBudget = TimeSpan.FromSeconds(1);

    public Stream Stream => stream;

    public void Dispose()
    {
        // A close that never returns keeps one thread, not the supervisor.
        Task.Run(close).Wait(CloseBudget);
    }
}
