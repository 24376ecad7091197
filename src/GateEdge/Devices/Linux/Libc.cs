using System.Runtime.InteropServices;

namespace GateEdge.Devices.Linux;

/// <summary>
/// The libc calls GateEdge makes itself, in one place: a tty (open, termios, poll, read, write),
/// an eventfd to wake a poll, a GPIO line request's ioctl, and for the simulator a
/// pseudo-terminal (openpty, ttyname_r). Constants are Linux's generic ABI, the same on x86-64
/// and arm64.
/// </summary>
internal static unsafe partial class Libc
{
    public const int ORdWr = 0x2;
    public const int ONoCtty = 0x100;
    public const int ONonBlock = 0x800;
    public const int OCloExec = 0x80000;

    public const short PollIn = 0x001;
    public const short PollOut = 0x004;
    public const short PollErr = 0x008;
    public const short PollHup = 0x010;
    public const short PollNval = 0x020;

    public const int EIntr = 4;
    public const int EAgain = 11;
    public const int EAcces = 13;
    public const int EBusy = 16;
    public const int ENoEnt = 2;

    public const int EfdCloExec = 0x80000;
    public const int EfdNonBlock = 0x800;

    public const int TcsaNow = 0;
    public const int TcIFlush = 0;
    public const ulong TiocExcl = 0x540C;

    // glibc's struct termios is 60 bytes on every Linux ABI; libc fills it, we touch three fields.
    public const int TermiosSize = 64;
    public const int CFlagOffset = 8;
    public const int CcOffset = 17;
    public const int VTime = 5;
    public const int VMin = 6;

    public const uint CSize = 0x30;
    public const uint Cs8 = 0x30;
    public const uint CStopB = 0x40;
    public const uint CRead = 0x80;
    public const uint ParEnb = 0x100;
    public const uint CLocal = 0x800;
    public const uint CRtsCts = 0x80000000;

    [StructLayout(LayoutKind.Sequential)]
    public struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int open(string path, int flags);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int close(int fd);

    [LibraryImport("libc", SetLastError = true)]
    public static partial nint read(int fd, byte* buffer, nint count);

    [LibraryImport("libc", SetLastError = true)]
    public static partial nint write(int fd, byte* buffer, nint count);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int poll(PollFd* fds, nuint count, int timeoutMs);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int eventfd(uint initial, int flags);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int ioctl(int fd, ulong request);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int ioctl(int fd, ulong request, byte* argument);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int openpty(out int master, out int slave, nint name, nint termios, nint winsize);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int ttyname_r(int fd, byte* buffer, nint length);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int tcgetattr(int fd, byte* termios);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int tcsetattr(int fd, int optionalActions, byte* termios);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int tcflush(int fd, int queue);

    [LibraryImport("libc")]
    public static partial void cfmakeraw(byte* termios);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int cfsetispeed(byte* termios, uint speed);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int cfsetospeed(byte* termios, uint speed);

    /// <summary>
    /// Waits until <paramref name="fd"/> has input or an error, until the eventfd <paramref name="wake"/>
    /// is signalled, or for at most <paramref name="timeoutMs"/> (-1: no timer at all, so a descriptor
    /// at rest costs no wake-ups; a negative <paramref name="fd"/> is not watched).
    /// False when woken; otherwise <paramref name="revents"/> says what <paramref name="fd"/> has,
    /// 0 when the time ran out.
    /// </summary>
    public static bool WaitForInput(int fd, int wake, int timeoutMs, out short revents)
    {
        var fds = stackalloc PollFd[2];
        fds[0] = new PollFd { Fd = fd, Events = PollIn };
        fds[1] = new PollFd { Fd = wake, Events = PollIn };
        while (poll(fds, 2, timeoutMs) < 0)
        {
            if (LastError != EIntr)
            {
                throw new DeviceDisconnectedException($"waiting for input failed: {LastErrorText}");
            }
        }

        revents = fds[0].Revents;
        return fds[1].Revents == 0;
    }

    public static int LastError => Marshal.GetLastPInvokeError();

    public static string LastErrorText => Marshal.GetLastPInvokeErrorMessage();
}
