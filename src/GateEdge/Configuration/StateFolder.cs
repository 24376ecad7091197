namespace GateEdge.Configuration;

/// <summary>
/// The gateway's state folder (journal, registry, replay guard) must be writable and have room
/// before the gate runs on it: a read-only or full disk is named with its path and the fix,
/// not left to surface as a database error from whichever file opens first.
/// </summary>
internal static class StateFolder
{
    /// <summary>Less free space than this is treated as a full disk: a day of a busy gate's events fits many times over.</summary>
    public const long MinFreeBytes = 8 * 1024 * 1024;

    public static IEnumerable<string> Check(GatewayConfiguration c)
    {
        var folders = new[] { ("Gateway.StateDirectory", c.Gateway.StateDirectory), ("Journal.Path", Path.GetDirectoryName(c.Journal.Path)!) };
        foreach (var (setting, folder) in folders.DistinctBy(f => f.Item2))
        {
            if (Problem(folder) is { } problem)
            {
                yield return $"{setting}: {problem}";
            }
        }
    }

    private static string? Problem(string folder)
    {
        // A folder that does not exist yet is created at start: its nearest existing parent must take it.
        var existing = folder;
        while (!Directory.Exists(existing))
        {
            existing = Path.GetDirectoryName(existing);
            if (existing is null)
            {
                return $"{folder} cannot be created: no part of its path exists";
            }
        }

        try
        {
            using var probe = new FileStream(Path.Combine(existing, $".gateedge-write-test-{Environment.ProcessId}"), FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose);
            probe.WriteByte(0);
            probe.Flush(flushToDisk: false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return existing == folder
                ? $"{folder} is not writable ({ex.Message}); give the service user write access (e.g. chown -R gateedge {folder}) or mount it read-write"
                : $"{folder} cannot be created in {existing} ({ex.Message}); create it and give the service user write access (e.g. install -d -o gateedge {folder})";
        }

        long free = new DriveInfo(existing).AvailableFreeSpace;
        return free < MinFreeBytes
            ? $"the disk holding {folder} is full ({free / 1024} KiB free, at least {MinFreeBytes / 1024 / 1024} MiB needed); free space there (old logs, core dumps) or move the state folder"
            : null;
    }
}
