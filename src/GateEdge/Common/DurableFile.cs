using System.Runtime.InteropServices;

namespace GateEdge.Common;

/// <summary>
/// Small state files that must survive a power cut whole: written beside, flushed, renamed over,
/// and the rename made durable by flushing the directory. A reader sees the old file or the new
/// one, never a torn one.
/// </summary>
internal static partial class DurableFile
{
    public static void Replace(string path, ReadOnlySpan<byte> content)
    {
        var temporary = path + ".tmp";
        File.Delete(temporary);
        using (var file = new FileStream(temporary, OwnerOnly(FileMode.CreateNew, FileAccess.Write)))
        {
            file.Write(content);
            file.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
        FlushDirectoryOf(path);
    }

    /// <summary>Copies <paramref name="source"/> over <paramref name="destination"/> with the same guarantee.</summary>
    public static void Copy(string source, string destination) => Replace(destination, File.ReadAllBytes(source));

    public static void Delete(string path)
    {
        File.Delete(path);
        FlushDirectoryOf(path);
    }

    /// <summary>
    /// Options for a file GateEdge creates: readable and writable by the service's user only (0600),
    /// whatever the umask; configuration, nonces and state can say more than their folder should.
    /// </summary>
    public static FileStreamOptions OwnerOnly(FileMode mode, FileAccess access, FileOptions options = FileOptions.None)
    {
        var o = new FileStreamOptions { Mode = mode, Access = access, Share = FileShare.Read, Options = options };
        if (!OperatingSystem.IsWindows())
        {
            o.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return o;
    }

    /// <summary>A rename or delete is durable only once its directory is flushed.</summary>
    public static void FlushDirectoryOf(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        int fd = Open(Path.GetDirectoryName(Path.GetFullPath(path))!, 0);
        if (fd >= 0)
        {
            _ = Fsync(fd);
            _ = Close(fd);
        }
    }

    /// <summary>
    /// Makes what was written to <paramref name="file"/> durable, without also flushing its times:
    /// for a small file rewritten in place on every commit, that halves the cost of the flush.
    /// </summary>
    public static void FlushData(FileStream file)
    {
        file.Flush();
        if (!OperatingSystem.IsLinux())
        {
            file.Flush(flushToDisk: true);
            return;
        }

        if (Fdatasync((int)file.SafeFileHandle.DangerousGetHandle()) != 0)
        {
            throw new IOException($"{file.Name} could not be flushed to disk (errno {Marshal.GetLastPInvokeError()})");
        }
    }

    [LibraryImport("libc", EntryPoint = "fdatasync", SetLastError = true)]
    private static partial int Fdatasync(int fd);

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync")]
    private static partial int Fsync(int fd);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int fd);
}
