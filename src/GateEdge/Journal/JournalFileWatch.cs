using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GateEdge.Journal;

/// <summary>
/// Notices the journal file being deleted, moved or replaced while the gateway writes it (a
/// technician's cleanup, a restored backup copied over it): SQLite would go on writing into a file
/// no name leads to, and everything recorded from then on would be lost at the next start. The
/// kernel says where each open file is (<c>/proc/self/fd</c>); once the journal's file is no longer
/// at its path, recording is failed (health red) and the service stops with an error, so systemd
/// starts it again on a journal at that path, which continues above every number ever issued and
/// tells the centre what it cannot account for (<see cref="IssuedHead"/>). One read of a link per
/// <see cref="JournalOptions.FileCheckInterval"/>; nothing where /proc is not.
/// </summary>
internal sealed partial class JournalFileWatch(EventJournal journal, string path, JournalOptions options, TimeProvider time, ILogger<JournalFileWatch> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var held = Descriptors(path);
        if (held.Count == 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.FileCheckInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                if (Lost(held) is { } now)
                {
                    LogGone(path, now);
                    var gone = new JournalFileGoneException($"the journal file {path} was deleted, moved or replaced while the gateway wrote it (it is now {now})");
                    journal.Health.Failed(gone);
                    throw gone;
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>
    /// The descriptors of this process that hold the journal file, with where the kernel says it is
    /// (its real path: the state folder may be reached through a link). No other file of the
    /// gateway's has the journal's name.
    /// </summary>
    private static List<(string Fd, string At)> Descriptors(string path)
    {
        const string Fds = "/proc/self/fd";
        if (!Directory.Exists(Fds))
        {
            return [];
        }

        var held = new List<(string, string)>();
        string name = "/" + Path.GetFileName(path);
        foreach (var fd in Directory.EnumerateFileSystemEntries(Fds))
        {
            try
            {
                if (new FileInfo(fd).LinkTarget is { } target && target.EndsWith(name, StringComparison.Ordinal))
                {
                    held.Add((fd, target));
                }
            }
            catch (IOException)
            {
                // Closed between listing and reading: not the journal's.
            }
        }

        return held;
    }

    /// <summary>Where a held descriptor's file is now, when that is no longer the journal's path ("… (deleted)" once unlinked).</summary>
    private static string? Lost(List<(string Fd, string At)> held)
    {
        foreach (var (fd, at) in held)
        {
            string? target;
            try
            {
                target = new FileInfo(fd).LinkTarget;
            }
            catch (IOException)
            {
                target = null;
            }

            if (target != at)
            {
                return target ?? "closed";
            }
        }

        return null;
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "The journal file {Path} is gone from under the gateway (now {Now}): what it records would be lost at the next start. Stopping, to start again on a journal at that path that continues the sequence")]
    private partial void LogGone(string path, string now);
}

/// <summary>The journal's file is no longer at its path: recording into it would be recording into nothing.</summary>
internal sealed class JournalFileGoneException(string message) : IOException(message);
