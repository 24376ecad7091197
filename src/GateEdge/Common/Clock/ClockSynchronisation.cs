using System.Runtime.InteropServices;

namespace GateEdge.Common.Clock;

/// <summary>Whether the wall clock is synchronised to a time source now; null when that cannot be told.</summary>
internal interface IClockSynchronisation
{
    bool? IsSynchronised();
}

/// <summary>
/// The kernel's view, which chrony, ntpd and systemd-timesyncd all keep: <c>adjtimex</c> with no
/// change asked answers <c>TIME_ERROR</c> while the clock is unsynchronised (<c>STA_UNSYNC</c>).
/// Reading needs no privilege.
/// </summary>
internal sealed partial class KernelClockSynchronisation : IClockSynchronisation
{
    private const int TimeError = 5;

    public unsafe bool? IsSynchronised()
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        // struct timex is 208 bytes on 64-bit Linux and less on 32-bit; zeroed, its "modes" asks for no change.
        byte* timex = stackalloc byte[512];
        new Span<byte>(timex, 512).Clear();
        int state = Adjtimex(timex);
        return state < 0 ? null : state != TimeError;
    }

    [LibraryImport("libc", EntryPoint = "adjtimex", SetLastError = true)]
    private static unsafe partial int Adjtimex(byte* timex);
}

/// <summary>
/// A file that exists while the clock is synchronised, as systemd-timesyncd's
/// <c>/run/systemd/timesync/synchronized</c> (made at its first synchronisation, gone at the next
/// boot): for a box whose time service keeps no kernel flag (<c>Gateway.ClockSynchronisedFlag</c>).
/// </summary>
internal sealed class FlagFileClockSynchronisation(string path) : IClockSynchronisation
{
    public bool? IsSynchronised() => File.Exists(path);
}
