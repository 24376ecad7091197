using System.Runtime.InteropServices;
using System.Text;
using System.Threading.Channels;
using GateEdge.Devices.Linux;

namespace GateEdge.Simulator.Pty;

/// <summary>
/// One end of a virtual serial cable: a pseudo-terminal whose slave side is reachable under a
/// stable symlink, as a udev rule would give a real reader. The simulator talks on the master
/// side. The slave is kept open here too, so the gateway closing and reopening its end never
/// tears the pair down.
/// </summary>
internal sealed unsafe class VirtualSerialPort : IDisposable
{
    private readonly int _master;
    private readonly int _slave;
    private readonly Thread _readThread;
    private readonly Channel<byte[]> _received = Channel.CreateUnbounded<byte[]>(new UnboundedChannelOptions { SingleWriter = true });
    private readonly Lock _writeLock = new();
    private volatile bool _disposed;

    private VirtualSerialPort(int master, int slave, string devicePath, string linkPath)
    {
        _master = master;
        _slave = slave;
        DevicePath = devicePath;
        LinkPath = linkPath;
        _readThread = new Thread(ReadLoop) { IsBackground = true, Name = $"pty {linkPath}" };
        _readThread.Start();
    }

    /// <summary>The stable path the gateway is configured with.</summary>
    public string LinkPath { get; }

    /// <summary>The kernel's name for the slave, e.g. <c>/dev/pts/3</c>.</summary>
    public string DevicePath { get; }

    /// <summary>Bytes the gateway wrote, in arrival chunks.</summary>
    public ChannelReader<byte[]> Received => _received.Reader;

    public static VirtualSerialPort Create(string linkPath)
    {
        if (Libc.openpty(out int master, out int slave, 0, 0, 0) != 0)
        {
            throw new IOException($"openpty failed: errno {Marshal.GetLastPInvokeError()}");
        }

        // Raw mode at once: with the default line discipline the slave would echo every reply
        // back to the simulator and translate CR/LF inside binary frames.
        byte* termios = stackalloc byte[Libc.TermiosSize];
        if (Libc.tcgetattr(slave, termios) != 0)
        {
            throw new IOException($"tcgetattr failed: errno {Marshal.GetLastPInvokeError()}");
        }

        Libc.cfmakeraw(termios);
        Libc.tcsetattr(slave, Libc.TcsaNow, termios);

        byte* name = stackalloc byte[256];
        if (Libc.ttyname_r(slave, name, 256) != 0)
        {
            throw new IOException($"ttyname_r failed: errno {Marshal.GetLastPInvokeError()}");
        }

        string devicePath = Marshal.PtrToStringUTF8((nint)name)!;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(linkPath))!);
        File.Delete(linkPath);
        File.CreateSymbolicLink(linkPath, devicePath);
        return new VirtualSerialPort(master, slave, devicePath, linkPath);
    }

    /// <summary>Writes the bytes in one call, as a device's UART would send them back to back.</summary>
    public void Write(ReadOnlySpan<byte> bytes)
    {
        lock (_writeLock)
        {
            fixed (byte* p = bytes)
            {
                int done = 0;
                while (done < bytes.Length && !_disposed)
                {
                    nint n = Libc.write(_master, p + done, bytes.Length - done);
                    if (n < 0)
                    {
                        throw new IOException($"write to {LinkPath} failed: errno {Marshal.GetLastPInvokeError()}");
                    }

                    done += (int)n;
                }
            }
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _readThread.Join();
        Libc.close(_master);
        Libc.close(_slave);
        File.Delete(LinkPath);
        _received.Writer.TryComplete();
    }

    private void ReadLoop()
    {
        var buffer = new byte[4096];
        var fds = new Libc.PollFd { Fd = _master, Events = Libc.PollIn };
        while (!_disposed)
        {
            // Poll with a short timeout so Dispose never waits on a blocked read().
            fds.Revents = 0;
            if (Libc.poll(&fds, 1, 100) <= 0 || (fds.Revents & Libc.PollIn) == 0)
            {
                continue;
            }

            nint n;
            fixed (byte* p = buffer)
            {
                n = Libc.read(_master, p, buffer.Length);
            }

            if (n > 0)
            {
                _received.Writer.TryWrite(buffer.AsSpan(0, (int)n).ToArray());
            }
        }
    }

    public override string ToString() => new StringBuilder(LinkPath).Append(" -> ").Append(DevicePath).ToString();
}
