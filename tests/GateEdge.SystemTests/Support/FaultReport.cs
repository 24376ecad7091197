using System.Globalization;

namespace GateEdge.SystemTests.Support;

/// <summary>
/// One row per fault test of the table in docs/reliability.md, appended to the file named by
/// GATEEDGE_FAULT_REPORT when it is set, so the table is produced by the suite, not typed.
/// </summary>
internal static class FaultReport
{
    private static readonly Lock Gate = new();

    public static void Row(string fault, string load, long journalled, long delivered, int duplicates, long lost, string recovery)
    {
        if (Environment.GetEnvironmentVariable("GATEEDGE_FAULT_REPORT") is not { Length: > 0 } file)
        {
            return;
        }

        lock (Gate)
        {
            File.AppendAllText(file, string.Create(CultureInfo.InvariantCulture,
                $"| {fault} | {load} | {journalled} | {delivered} | {duplicates} | {lost} | {recovery} |\n"));
        }
    }
}
