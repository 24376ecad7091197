using System.Diagnostics;

namespace GateEdge.Status;

/// <summary>
/// What the process itself costs, for the <c>process_*</c> series every Prometheus exporter
/// publishes under the same names: CPU time, resident memory, open descriptors. A gate box that
/// runs for months shows a leak here first.
/// </summary>
internal static class ProcessFigures
{
    public static double CpuSeconds => Environment.CpuUsage.TotalTime.TotalSeconds;

    public static long ResidentBytes => Environment.WorkingSet;

    /// <summary>Entries in <c>/proc/self/fd</c>; -1 where the system has no such folder.</summary>
    public static long OpenDescriptors
    {
        get
        {
            try
            {
                return Directory.EnumerateFileSystemEntries("/proc/self/fd").LongCount();
            }
            catch (IOException)
            {
                return -1;
            }
            catch (UnauthorizedAccessException)
            {
                return -1;
            }
        }
    }

    public static double StartTimeSeconds { get; } = new DateTimeOffset(Process.GetCurrentProcess().StartTime.ToUniversalTime()).ToUnixTimeMilliseconds() / 1000.0;
}
