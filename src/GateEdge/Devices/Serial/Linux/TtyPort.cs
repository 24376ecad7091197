using System.Threading.Channels;
using GateEdge.Devices.Linux;
using static GateEdge.Devices.Linux.Libc;

namespace GateEdge.Devices.Serial.Linux;

/// <summary>
/// A serial port on Linux, read without a polling timer: one thread per port waits in <c>poll()</c>
/// on the tty and on an eventfd (<see cref="Dispose"/>, or a timer armed from another thread),
/// for no longer than its <see cref="Clock"/>'s next timer, so a port wakes only when bytes arrive
/// or its device's own poll interval or reply timeout comes round (System.IO.Ports polls every
/// millisecond while a read is pending; see docs/architecture.md, "Serial ports"). Writes go
/// straight to the descriptor. An unplugged adapter is seen at once: the tty reports a hang-up or
/// the read fails with EIO; the thread then keeps only the clock until the port is disposed.
/// </summary>
internal sealed partial class TtyPort : Stream
{
    private const int ChunkSize = 4096;

    // A write to a tty whose output cannot drain (flow control stuck, adapter hung) gives up after this.
    private const int WriteTimeoutMs = 500;

    private readonly int _fd;
    private readonly int _wake;
    private readonly Thread _reader;
    private readonly LoopClock _clock;
    // The reader's continuation (the device's frame decoder) runs on this port's thread when bytes
    // arrive: one thread wake-up per chunk instead of two. It only decodes and hands frames on.
    private readonly Channel<byte[]> _received = Channel.CreateUnbounded<byte[]>(
        new UnboundedChannelOptions { SingleReader = true, SingleWriter = true, AllowSynchronousContinuations = true });
    private byte[] _current = [];
    private int _offset;
    private int _disposed;

    // Set only by a Dispose on the read loop's own thread, which the loop reads after it returns.
    private bool _closeOnExit;

    private TtyPort(int fd, int wake, string path)
    {
        _fd = fd;
        _wake = wake;
        _clock = new LoopClock(Signal);
        _reader = new Thread(ReadLoop) { IsBackground = true, Name = $"tty {Path.GetFileName(path)}" };
        _clock.RunOn(_reader);
        _reader.Start();
    }

    public override bool CanRead => true;

    public override bool CanWrite => true;

    public override bool CanSeek => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_offset == _current.Length)
        {
            try
            {
                _current = await _received.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (ChannelClosedException ex)
            {
                throw ex.InnerException ?? new ObjectDisposedException(nameof(TtyPort));
            }

            _offset = 0;
        }

        int count = Math.Min(buffer.Length, _current.Length - _offset);
        _current.AsMemory(_offset, count).CopyTo(buffer);
        _offset += count;
        return count;
    }

    public override int Read(byte[] buffer, int offset, int count) =>
        ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override unsafe void Write(ReadOnlySpan<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        while (!buffer.IsEmpty)
        {
            nint written;
            fixed (byte* bytes = buffer)
            {
                written = write(_fd, bytes, buffer.Length);
            }

            if (written >= 0)
            {
                buffer = buffer[(int)written..];
                continue;
            }

            int error = LastError;
            if (error == EAgain)
            {
                WaitWritable();
            }
            else if (error != EIntr)
            {
                throw new IOException($"writing to the port failed: {LastErrorText}");
            }
        }
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override unsafe void Dispose(bool disposing)
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            Signal();
            if (Thread.CurrentThread != _reader)
            {
                _reader.Join();
                CloseDescriptors();
            }
            else
            {
                _closeOnExit = true;
            }

            // Disposed by code the read loop itself is running (a continuation of a read): the loop
            // closes the descriptors once it is back at poll(). Closing them here, mid-read, would let
            // another port's open() reuse the number while this loop still polls it.
            _received.Writer.TryComplete();
        }

        base.Dispose(disposing);
    }

    /// <summary>
    /// The clock for this port's waits (a poll interval, a reply timeout): its timers fire on the
    /// read thread, so an exchange with the device wakes one thread, not three.
    /// </summary>
    public TimeProvider Clock => _clock;

    /// <summary>Wakes the read loop: to end it, or to wait for a timer armed from another thread.</summary>
    private unsafe void Signal()
    {
        ulong one = 1;
        write(_wake, (byte*)&one, sizeof(ulong));
    }

    private void CloseDescriptors()
    {
        close(_fd);
        close(_wake);
    }

    private unsafe void WaitWritable()
    {
        var fds = new PollFd { Fd = _fd, Events = PollOut };
        int ready = poll(&fds, 1, WriteTimeoutMs);
        if (ready == 0)
        {
            throw new IOException($"the port took no bytes for {WriteTimeoutMs} ms");
        }

        if (ready > 0 && (fds.Revents & (PollErr | PollHup | PollNval)) != 0)
        {
            throw new IOException("the port hung up (unplugged)");
        }
    }

    private unsafe void ReadLoop()
    {
        var buffer = new byte[ChunkSize];
        // -1 once the port failed: the loop then only keeps the clock's timers until Dispose.
        int watched = _fd;
        try
        {
            while (Volatile.Read(ref _disposed) == 0)
            {
                if (!WaitForInput(watched, _wake, _clock.MillisecondsToNext(), out short revents))
                {
                    // Drained before the check: a Dispose sets the flag before it signals.
                    ulong count;
                    read(_wake, (byte*)&count, sizeof(ulong));
                    if (Volatile.Read(ref _disposed) != 0)
                    {
                        break;
                    }
                }
                else if (watched >= 0 && !TakeInput(revents, buffer))
                {
                    watched = -1;
                }

                _clock.FireDue();
            }
        }
        catch (DeviceException ex)
        {
            _received.Writer.TryComplete(ex);
        }
        finally
        {
            _clock.Close();
            if (_closeOnExit)
            {
                CloseDescriptors();
            }
        }
    }

    /// <summary>Hands on what the tty has; false when the port failed (its reader gets the reason).</summary>
    private bool TakeInput(short revents, byte[] buffer)
    {
        try
        {
            if ((revents & PollIn) != 0 && ReadAvailable(buffer))
            {
                return true;
            }

            if ((revents & (PollErr | PollHup | PollNval)) != 0)
            {
                throw new DeviceDisconnectedException("the port hung up (unplugged)");
            }

            return true;
        }
        catch (DeviceException ex)
        {
            _received.Writer.TryComplete(ex);
            return false;
        }
    }

    /// <summary>Reads what the tty holds; false when it held nothing after all.</summary>
    private unsafe bool ReadAvailable(byte[] buffer)
    {
        nint n;
        fixed (byte* bytes = buffer)
        {
            n = read(_fd, bytes, buffer.Length);
        }

        if (n > 0)
        {
            _received.Writer.TryWrite(buffer.AsSpan(0, (int)n).ToArray());
            return true;
        }

        if (n == 0)
        {
            throw new DeviceDisconnectedException("the port reached end of file (unplugged)");
        }

        int error = LastError;
        return error is EAgain or EIntr ? false : throw new DeviceDisconnectedException($"reading the port failed: {LastErrorText}");
    }
}
