using GateEdge.Journal;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;

namespace GateEdge.Hosting;

/// <summary>
/// Pings systemd's watchdog (<c>WatchdogSec=</c> in the unit) at half its interval, but only while
/// attempts can be recorded: a gateway whose journal stopped, or whose commits have failed for
/// longer than <see cref="JournalOptions.FailureGrace"/> (a full disk, a read-only state folder),
/// must not look alive, so systemd restarts it and the centre sees it go offline. Idle when not run
/// under a watchdog.
/// </summary>
/// <param name="interval">systemd's watchdog interval (<c>WATCHDOG_USEC</c>); null when there is no watchdog.</param>
/// <param name="notifier">Null when not running under systemd.</param>
internal sealed class SystemdWatchdog(ISystemdNotifier? notifier, EventJournal journal, JournalOptions options, TimeProvider time, TimeSpan? interval) : BackgroundService
{
    public static TimeSpan? IntervalFromEnvironment() =>
        long.TryParse(Environment.GetEnvironmentVariable("WATCHDOG_USEC"), out long usec) && usec > 0 ? TimeSpan.FromMicroseconds(usec) : null;

    /// <summary>Whether the watchdog is fed now.</summary>
    internal bool Alive => journal.Health.IsWriting && (journal.Health.Fault is not { } fault || time.GetElapsedTime(fault.SinceTimestamp) <= options.FailureGrace);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (notifier is not { IsEnabled: true } || interval is not { } every)
        {
            return;
        }

        using var timer = new PeriodicTimer(every / 2, time);
        try
        {
            while (Alive && await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                notifier.Notify(new ServiceState("WATCHDOG=1"));
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
