using GateEdge.Common.Messages;

namespace GateEdge.Configuration;

/// <summary>
/// The gateway's state folder (journal, registry, replay guard) must be writable and have room
/// before the gate runs on it: a read-only or full disk is named with its path and the fix,
/// not left to surface as a database error from whichever file opens first. A folder copied from
/// another box (its key bound to another machine) is refused: it holds that box's identity.
/// </summary>
internal static class StateFolder
{
    /// <summary>Less free space than this is treated as a full disk: a day of a busy gate's events fits many times over.</summary>
    public const long MinFreeBytes = 8 * 1024 * 1024;

    public static IEnumerable<ConfigProblem> Check(GatewayConfiguration c)
    {
        var folders = new[] { ("Gateway.StateDirectory", c.Gateway.StateDirectory), ("Journal.Path", Path.GetDirectoryName(c.Journal.Path)!) };
        foreach (var (setting, folder) in folders.DistinctBy(f => f.Item2))
        {
            if (Problem(folder) is { } problem)
            {
                yield return new ConfigProblem(setting, problem);
            }
        }

        if (Trust.GatewayKeyBinding.Check(c.Gateway.StateDirectory) == Trust.GatewayKeyBinding.Binding.Elsewhere)
        {
            yield return new ConfigProblem("Gateway.StateDirectory", BoxMessages.KeyFromAnotherMachine.Say(("folder", c.Gateway.StateDirectory)));
        }
    }

    private static Said? Problem(string folder)
    {
        // A folder that does not exist yet is created at start: its nearest existing parent must take it.
        var existing = folder;
        while (!Directory.Exists(existing))
        {
            existing = Path.GetDirectoryName(existing);
            if (existing is null)
            {
                return BoxMessages.FolderNoParent.Say(("folder", folder));
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
                ? BoxMessages.FolderNotWritable.Say(("folder", folder), ("detail", ex.Message))
                : BoxMessages.FolderCannotBeCreated.Say(("folder", folder), ("parent", existing), ("detail", ex.Message));
        }

        long free = new DriveInfo(existing).AvailableFreeSpace;
        return free < MinFreeBytes
            ? BoxMessages.DiskFull.Say(("folder", folder), ("free", free / 1024), ("need", MinFreeBytes / 1024 / 1024))
            : null;
    }
}
