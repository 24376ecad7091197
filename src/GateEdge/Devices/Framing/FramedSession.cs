using Microsoft.Extensions.Logging;

namespace GateEdge.Devices.Framing;

/// <summary>The two shapes every serial session shares: a read loop around the conversation, and polling that tolerates a few silent polls.</summary>
internal static partial class FramedSession
{
    /// <summary>Runs <paramref name="body"/> with a read loop on <paramref name="stream"/>; the loop stops when the body ends, however it ends.</summary>
    public static async Task WithReaderAsync<TFrame>(Stream stream, IFrameDecoder<TFrame> decoder, DeviceLink link, Func<FrameReader<TFrame>, Task> body, CancellationToken cancellationToken)
        where TFrame : class
    {
        var reader = new FrameReader<TFrame>(stream, decoder, link.Counters);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var readLoop = reader.RunAsync(stop.Token);
        try
        {
            await body(reader).ConfigureAwait(false);
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await readLoop.ConfigureAwait(false);
        }
    }

    /// <summary>
    /// For devices that speak only when they have something to say (a card in the field): online once
    /// the port is open, every frame handed to <paramref name="onFrame"/>, silence never a fault.
    /// It ends only when the port fails.
    /// </summary>
    public static Task ListenAsync<TFrame>(Stream stream, IFrameDecoder<TFrame> decoder, DeviceLink link, Action<TFrame> onFrame, CancellationToken cancellationToken)
        where TFrame : class =>
        WithReaderAsync(stream, decoder, link, async reader =>
        {
            link.MarkOnline();
            await foreach (var frame in reader.Frames.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                onFrame(frame);
            }

            // The read loop completed its channel: rethrow why the port failed.
            await reader.Frames.Completion.ConfigureAwait(false);
        }, cancellationToken);

    /// <summary>
    /// Calls <paramref name="pollOnce"/> at its <paramref name="pace"/> until cancelled. A poll that
    /// times out is tolerated until <paramref name="maxSilent"/> in a row; then the timeout ends the
    /// session: the device is unplugged or hung.
    /// </summary>
    public static async Task PollAsync(Func<Task> pollOnce, int maxSilent, PollPace pace, DeviceLink link, TimeProvider time, ILogger logger, string device, CancellationToken cancellationToken)
    {
        int silent = 0;
        long garbageBefore = 0;
        while (true)
        {
            try
            {
                await pollOnce().ConfigureAwait(false);
                silent = 0;
            }
            catch (DeviceTimeoutException ex) when (++silent < maxSilent)
            {
                if (silent == 1)
                {
                    garbageBefore = link.Counters.GarbageBytes;
                }

                link.Counters.CountSilentPoll(ex.Message);
                LogSilentPoll(logger, device, silent);
            }
            catch (DeviceTimeoutException ex) when (link.Counters.GarbageBytes > garbageBefore)
            {
                // Bytes kept coming, none of them a frame: the classic wrong baud rate or a bad cable.
                throw new DeviceTimeoutException($"{ex.Message}; only garbage arrived ({link.Counters.GarbageBytes - garbageBefore} bytes): check the baud rate and wiring");
            }

            await pace.WaitAsync(time, cancellationToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Device {Device}: no reply to poll ({Silent} in a row)")]
    private static partial void LogSilentPoll(ILogger logger, string device, int silent);
}
