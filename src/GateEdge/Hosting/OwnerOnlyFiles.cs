using System.Runtime.InteropServices;

namespace GateEdge.Hosting;

/// <summary>
/// Every file GateEdge creates (journal, registry, nonces, pushed configurations, logs, keys it
/// makes) is for the service's user alone: the process's umask is set to 077 before anything is
/// written, whoever started it. The systemd unit sets the same (<c>UMask=0077</c>).
/// </summary>
internal static partial class OwnerOnlyFiles
{
    public static void Apply()
    {
        if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())
        {
            _ = Umask(0b000_111_111);
        }
    }

    [LibraryImport("libc", EntryPoint = "umask")]
    private static partial uint Umask(uint mask);
}
