using System.Runtime.InteropServices;

namespace GateEdge.Simulator.Pty;

/// <summary>The few libc calls a pseudo-terminal needs; nothing but the .NET SDK is required.</summary>
internal static unsafe partial class Libc
{
    public const short PollIn = 0x001;
    public const int TcsaNow = 0;

    // Larger than glibc's struct termios on every Linux ABI; only libc reads or writes it.
    public const int TermiosBufferSize = 256;

    [StructLayout(LayoutKind.Sequential)]
    public struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

    [LibraryImport("libc", SetLastError = true)]
    public static partial int openpty(out int master, out int slave, nint name, nint termios, nint winsize);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int tcgetattr(int fd, byte* termios);

    [LibraryImport("libc")]
    public static partial void cfmakeraw(byte* termios);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int tcsetattr(int fd, int optionalActions, byte* termios);

    [LibraryImport("libc", SetLastError = true)]
    public static partial nint read(int fd, byte* buffer, nint count);

    [LibraryImport("libc", SetLastError = true)]
    public static partial nint write(int fd, byte* buffer, nint count);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int poll(PollFd* fds, nuint count, int timeoutMs);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int close(int fd);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int ttyname_r(int fd, byte* buffer, nint length);
}
