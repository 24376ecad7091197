using System.Diagnostics;

namespace GateEdge.SystemTests.Support;

/// <summary>
/// A tmpfs of a few megabytes for a gateway's state folder, which a test fills to the last byte,
/// frees again, or makes read-only: the disk faults of a real box. Mounting needs root, which the
/// test command has (it installs its packages with apt).
/// </summary>
internal sealed class SmallDisk : IDisposable
{
    private SmallDisk(string path) => Path = path;

    public string Path { get; }

    private string Filler => System.IO.Path.Combine(Path, "filler");

    public static SmallDisk Mount(int mebibytes)
    {
        var path = Directory.CreateTempSubdirectory("gateedge-disk-").FullName;
        Run("mount", "-t", "tmpfs", "-o", $"size={mebibytes}m,mode=0700", "gateedge-test", path);
        return new SmallDisk(path);
    }

    /// <summary>Writes a file until the disk refuses another byte.</summary>
    public void Fill()
    {
        using var filler = new FileStream(Filler, FileMode.Append, FileAccess.Write, FileShare.None, 1);
        var block = new byte[4096];
        try
        {
            while (true)
            {
                filler.Write(block);
                filler.Flush();
            }
        }
        catch (IOException)
        {
            // ENOSPC: full.
        }
    }

    public void Free() => File.Delete(Filler);

    public void RemountReadOnly() => Run("mount", "-o", "remount,ro", Path);

    public void Dispose()
    {
        Run("umount", "-l", Path);
        Directory.Delete(Path);
    }

    private static void Run(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new Xunit.Sdk.XunitException($"{file} {string.Join(' ', args)} failed ({error.Trim()}): the disk fault tests mount a small tmpfs and need root");
        }
    }
}
