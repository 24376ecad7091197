using System.Buffers.Binary;
using System.Text;
using System.Threading.Channels;
using GateEdge.Devices.CardReaders.Wiegand.Protocol;
using static GateEdge.Devices.Linux.Libc;

namespace GateEdge.Devices.Gpio;

/// <summary>
/// Both data lines in one request on the kernel's GPIO character device (uAPI v2): the kernel
/// queues their edges in one buffer, in order, with its own nanosecond timestamps, so bit order
/// never depends on which callback thread ran first. Struct layouts are those of
/// &lt;linux/gpio.h&gt; (request 592 bytes, event 48 bytes).
/// </summary>
internal sealed class GpioChipPulseLines : IPulseLines
{
    private const ulong GetLineIoctl = 0xC250B407; // _IOWR(0xB4, 0x07, struct gpio_v2_line_request)
    private const ulong FlagInput = 1 << 2;
    private const ulong FlagEdgeFalling = 1 << 5;
    private const int RequestSize = 592;
    private const int ConsumerOffset = 256;
    private const int FlagsOffset = 288;
    private const int NumLinesOffset = 560;
    private const int EventBufferSizeOffset = 564;
    private const int FdOffset = 588;
    private const int EventSize = 48;
    private const uint FallingEdge = 2;

    private readonly int _fd;
    private readonly int _wake;
    private readonly int _oneLine;
    private readonly Thread _reader;
    private readonly Channel<WiegandPulse> _pulses = Channel.CreateUnbounded<WiegandPulse>(new UnboundedChannelOptions { SingleWriter = true, SingleReader = true });
    private int _disposed;

    private GpioChipPulseLines(int fd, int wake, int oneLine, string name)
    {
        _fd = fd;
        _wake = wake;
        _oneLine = oneLine;
        _reader = new Thread(ReadLoop) { IsBackground = true, Name = name };
        _reader.Start();
    }

    public ChannelReader<WiegandPulse> Pulses => _pulses.Reader;

    public static unsafe IPulseLines Open(int chip, int zeroLine, int oneLine, string consumer)
    {
        string path = $"/dev/gpiochip{chip}";
        int chipFd = open(path, ORdWr | OCloExec);
        if (chipFd < 0)
        {
            throw new DeviceDisconnectedException($"{path} could not be opened: {LastErrorText}");
        }

        int lines = -1;
        try
        {
            var request = Request(zeroLine, oneLine, consumer);
            fixed (byte* argument = request)
            {
                if (ioctl(chipFd, GetLineIoctl, argument) < 0)
                {
                    throw new DeviceDisconnectedException($"{path} lines {zeroLine} and {oneLine} could not be requested (in use, or not on this chip): {LastErrorText}");
                }
            }

            lines = BinaryPrimitives.ReadInt32LittleEndian(request.AsSpan(FdOffset));
            int wake = eventfd(0, EfdCloExec | EfdNonBlock);
            if (wake < 0)
            {
                throw new IOException($"eventfd failed: {LastErrorText}");
            }

            return new GpioChipPulseLines(lines, wake, oneLine, $"wiegand {path}:{zeroLine},{oneLine}");
        }
        catch
        {
            if (lines >= 0)
            {
                close(lines);
            }

            throw;
        }
        finally
        {
            // The line request lives on in its own descriptor.
            close(chipFd);
        }
    }

    /// <summary>A <c>struct gpio_v2_line_request</c> for both lines as inputs with falling-edge events.</summary>
    internal static byte[] Request(int zeroLine, int oneLine, string consumer)
    {
        var request = new byte[RequestSize];
        BinaryPrimitives.WriteUInt32LittleEndian(request, (uint)zeroLine);
        BinaryPrimitives.WriteUInt32LittleEndian(request.AsSpan(4), (uint)oneLine);
        Encoding.ASCII.GetBytes(consumer.Length > 31 ? consumer[..31] : consumer).CopyTo(request, ConsumerOffset);
        BinaryPrimitives.WriteUInt64LittleEndian(request.AsSpan(FlagsOffset), FlagInput | FlagEdgeFalling);
        BinaryPrimitives.WriteUInt32LittleEndian(request.AsSpan(NumLinesOffset), 2);

        // A W34 frame is 34 edges; the kernel's default of 16 per line could overflow while the reader thread is delayed.
        BinaryPrimitives.WriteUInt32LittleEndian(request.AsSpan(EventBufferSizeOffset), 256);
        return request;
    }

    /// <summary>The pulses in a buffer of <c>struct gpio_v2_line_event</c>s, in the kernel's order.</summary>
    internal static IEnumerable<WiegandPulse> ParseEvents(byte[] events, int length, int oneLine)
    {
        for (int at = 0; at + EventSize <= length; at += EventSize)
        {
            var ev = events.AsSpan(at, EventSize);
            if (BinaryPrimitives.ReadUInt32LittleEndian(ev[8..]) == FallingEdge)
            {
                ulong ns = BinaryPrimitives.ReadUInt64LittleEndian(ev);
                bool one = BinaryPrimitives.ReadUInt32LittleEndian(ev[12..]) == (uint)oneLine;
                yield return new WiegandPulse(one, TimeSpan.FromTicks((long)(ns / 100)));
            }
        }
    }

    public unsafe void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        ulong one = 1;
        write(_wake, (byte*)&one, sizeof(ulong));
        _reader.Join();
        close(_fd);
        close(_wake);
        _pulses.Writer.TryComplete();
    }

    /// <summary>Waits for edges without a timer (<see cref="Linux.Libc.WaitForInput"/>): a lane at rest costs no wake-ups.</summary>
    private unsafe void ReadLoop()
    {
        var buffer = new byte[EventSize * 64];
        try
        {
            while (WaitForInput(_fd, _wake, -1, out short revents))
            {
                if ((revents & PollIn) == 0)
                {
                    // An error or hang-up without input would return from every poll at once: end here, the supervisor reopens.
                    throw new DeviceDisconnectedException($"the GPIO line request failed (poll events {revents:X})");
                }

                nint n;
                fixed (byte* bytes = buffer)
                {
                    n = read(_fd, bytes, buffer.Length);
                }

                if (n < 0)
                {
                    throw new DeviceDisconnectedException($"reading line events failed: {LastErrorText}");
                }

                foreach (var pulse in ParseEvents(buffer, (int)n, _oneLine))
                {
                    _pulses.Writer.TryWrite(pulse);
                }
            }
        }
        catch (DeviceException ex)
        {
            _pulses.Writer.TryComplete(ex);
        }
    }
}
