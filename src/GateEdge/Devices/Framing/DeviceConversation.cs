using System.Threading.Channels;
using GateEdge.Devices.Serial;

namespace GateEdge.Devices.Framing;

/// <summary>
/// Request/response over one serial line: write a command, wait for the next frame with a
/// timeout measured on the line's clock.
/// </summary>
internal sealed class DeviceConversation<TFrame>(SerialLine line, FrameReader<TFrame> reader) where TFrame : class
{
    /// <summary>The line's clock: what the session stamps its readings with and waits on between polls.</summary>
    public TimeProvider Time => line.Time;

    public async Task<TFrame> RequestAsync(byte[] command, TimeSpan timeout, CancellationToken cancellationToken)
    {
        // A reply that arrived after an earlier timeout must not answer this request.
        while (reader.Frames.TryRead(out _))
        {
        }

        Write(command);
        return await NextFrameAsync(timeout, cancellationToken).ConfigureAwait(false);
    }

    public async Task<TFrame> NextFrameAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(timeout, line.Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, cancellationToken);
        try
        {
            return await reader.Frames.ReadAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            reader.DropPartialFrame();
            throw new DeviceTimeoutException($"no reply within {timeout.TotalMilliseconds:0} ms");
        }
        catch (ChannelClosedException ex)
        {
            throw ex.InnerException as DeviceException ?? new DeviceDisconnectedException("the port closed", ex);
        }
    }

    private void Write(byte[] command)
    {
        try
        {
            // Synchronous on purpose: the serial stream honours its finite WriteTimeout only here.
            line.Stream.Write(command);
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or InvalidOperationException or TimeoutException)
        {
            throw new DeviceDisconnectedException($"write failed: {ex.Message}", ex);
        }
    }
}
