using static GateEdge.Devices.Linux.Libc;

namespace GateEdge.Devices.Serial.Linux;

/// <summary>Opening a tty: the descriptor, its line settings (raw 8N1 at a standard speed) and exclusive use.</summary>
internal sealed partial class TtyPort
{
    /// <summary>Opens <paramref name="path"/> raw, 8 data bits, no parity, one stop bit, no flow control, at <paramref name="baudRate"/>.</summary>
    public static TtyPort Open(string path, int baudRate)
    {
        uint speed = Speed(baudRate);
        int fd = open(path, ORdWr | ONoCtty | ONonBlock | OCloExec);
        if (fd < 0)
        {
            int error = LastError;
            throw new DeviceDisconnectedException(error switch
            {
                ENoEnt => SerialPortOpener.Missing(path),
                EAcces => $"{path} could not be opened: permission denied (the service user needs the dialout group)",
                _ => $"{path} could not be opened: {LastErrorText}",
            });
        }

        try
        {
            Configure(fd, path, speed);
            int wake = eventfd(0, EfdCloExec | EfdNonBlock);
            if (wake < 0)
            {
                throw new IOException($"eventfd failed: {LastErrorText}");
            }

            return new TtyPort(fd, wake, path);
        }
        catch
        {
            close(fd);
            throw;
        }
    }

    private static unsafe void Configure(int fd, string path, uint speed)
    {
        byte* termios = stackalloc byte[TermiosSize];
        if (tcgetattr(fd, termios) < 0)
        {
            throw new DeviceDisconnectedException($"{path} is not a serial port ({LastErrorText})");
        }

        cfmakeraw(termios);
        ref uint cflag = ref *(uint*)(termios + CFlagOffset);
        cflag = (cflag & ~(CSize | CStopB | ParEnb | CRtsCts)) | Cs8 | CRead | CLocal;
        termios[CcOffset + VMin] = 1;
        termios[CcOffset + VTime] = 0;
        if (cfsetispeed(termios, speed) < 0 || cfsetospeed(termios, speed) < 0 || tcsetattr(fd, TcsaNow, termios) < 0)
        {
            throw new DeviceDisconnectedException($"{path} could not be set up: {LastErrorText}");
        }

        // Another program on the same port (a probe while the service runs) is refused, not interleaved.
        if (ioctl(fd, TiocExcl) < 0 && LastError == EBusy)
        {
            throw new DeviceDisconnectedException($"{path} is in use by another program");
        }

        tcflush(fd, TcIFlush);
    }

    /// <summary>The termios speed constant for a standard rate (Linux's Bnnn values).</summary>
    private static uint Speed(int baudRate) => baudRate switch
    {
        1200 => 0x9,
        2400 => 0xB,
        4800 => 0xC,
        9600 => 0xD,
        19200 => 0xE,
        38400 => 0xF,
        57600 => 0x1001,
        115200 => 0x1002,
        230400 => 0x1003,
        460800 => 0x1004,
        921600 => 0x1007,
        _ => throw new ArgumentOutOfRangeException(nameof(baudRate), baudRate, "not a standard serial line speed"),
    };
}
