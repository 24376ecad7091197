using System.Threading.Channels;
using GateEdge.Devices.Health;

namespace GateEdge.Devices.Framing;

/// <summary>
/// The one read loop per device: it owns <see cref="Stream.ReadAsync(Memory{byte}, CancellationToken)"/>,
/// feeds a pure decoder and hands whole frames on. Decoding problems are counted, never thrown;
/// a failing stream completes <see cref="Frames"/> with a <see cref="DeviceDisconnectedException"/>.
/// When a reply times out, the bytes kept for an incomplete frame are dropped
/// (<see cref="DropPartialFrame"/>): a stray header in line noise claiming a long frame costs one
/// poll, not every poll until enough noise has arrived to fill it. On a shared line the counters
/// are those of the device whose turn it is (<see cref="Bus.SerialBus{TFrame}"/>).
/// </summary>
internal sealed class FrameReader<TFrame>(Stream stream, IFrameDecoder<TFrame> decoder, Func<DeviceCounters> countersNow) where TFrame : class
{
    public FrameReader(Stream stream, IFrameDecoder<TFrame> decoder, DeviceCounters counters)
        : this(stream, decoder, () => counters)
    {
    }

    // Frames nobody waits for (late replies, unsolicited output) must not pile up without bound.
    // The session waiting for a frame continues on the thread that decoded it (a tty's read
    // thread): a reply and the next request then cost no thread hand-off.
    private readonly Channel<TFrame> _frames = Channel.CreateBounded<TFrame>(
        new BoundedChannelOptions(64) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true, SingleWriter = true, AllowSynchronousContinuations = true });

    private int _dropPartial;

    public ChannelReader<TFrame> Frames => _frames.Reader;

    /// <summary>Asks the loop to drop what it kept of an incomplete frame before it decodes the next bytes.</summary>
    public void DropPartialFrame() => Volatile.Write(ref _dropPartial, 1);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        // Twice the largest frame: a frame that is still incomplete always fits behind kept bytes.
        var buffer = new byte[Math.Max(4096, decoder.MaxFrameLength * 2)];
        int filled = 0;
        try
        {
            while (true)
            {
                int read = await stream.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false);
                if (read <= 0)
                {
                    throw new DeviceDisconnectedException("the port reached end of stream");
                }

                if (Interlocked.Exchange(ref _dropPartial, 0) == 1 && filled > 0)
                {
                    // Kept from before the timeout: stale. Only the bytes just read are decoded.
                    countersNow().CountDiscard(DiscardReason.Truncated, filled);
                    buffer.AsSpan(filled, read).CopyTo(buffer);
                    filled = 0;
                }

                filled += read;
                int offset = DecodeAll(buffer.AsSpan(0, filled));
                buffer.AsSpan(offset, filled - offset).CopyTo(buffer);
                filled -= offset;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            _frames.Writer.TryComplete();
        }
        catch (DeviceException ex)
        {
            _frames.Writer.TryComplete(ex);
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or InvalidOperationException or UnauthorizedAccessException)
        {
            // docs/protocols.md §4: an unplugged port surfaces as any of these, while IsOpen still says true.
            _frames.Writer.TryComplete(new DeviceDisconnectedException($"the port failed: {ex.Message}", ex));
        }
    }

    private int DecodeAll(ReadOnlySpan<byte> data)
    {
        int offset = 0;
        while (true)
        {
            var status = decoder.Decode(data[offset..], out var frame, out int consumed, out var reason);
            if (status == DecodeStatus.NeedMoreData)
            {
                return offset;
            }

            offset += consumed;
            if (status == DecodeStatus.Frame)
            {
                countersNow().CountFrame();
                _frames.Writer.TryWrite(frame!);
            }
            else if (reason != DiscardReason.None)
            {
                countersNow().CountDiscard(reason, consumed);
            }
        }
    }
}
