using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GateEdge.Journal;

/// <summary>
/// Keeps the journal within its disk budget: deletes delivered events past their retention and
/// raises the backlog alarm when undelivered events pile up. It never deletes an undelivered
/// event: when the disk is truly full, appends fail and gates stay shut (R2) rather than a
/// passage being lost. With a <see cref="JournalRedaction"/>, it also purges personal data from
/// events kept past its period.
/// </summary>
internal sealed partial class JournalMaintenance(EventJournal journal, JournalOptions options, TimeProvider time, ILogger<JournalMaintenance> logger,
    JournalRedaction? redaction = null)
    : BackgroundService
{
    /// <summary>True while the undelivered backlog is at or above <see cref="JournalOptions.BacklogAlarmAt"/>.</summary>
    public bool BacklogAlarm { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.MaintenanceInterval, time);
        do
        {
            RunOnce();
        }
        while (await Tick(timer, stoppingToken).ConfigureAwait(false));
    }

    internal void RunOnce()
    {
        int pruned = journal.PruneDelivered(time.GetUtcNow() - options.DeliveredRetention);
        if (pruned > 0)
        {
            LogPruned(pruned, options.DeliveredRetention.TotalDays);
        }

        if ((redaction is not null && Redact(redaction) > 0) || pruned > 0)
        {
            journal.CheckpointAndTruncateLog();
        }

        long backlog = journal.CountUndelivered();
        bool alarm = backlog >= options.BacklogAlarmAt;
        if (alarm && !BacklogAlarm)
        {
            LogBacklogAlarm(backlog, options.BacklogAlarmAt);
        }
        else if (!alarm && BacklogAlarm)
        {
            LogBacklogCleared(backlog);
        }

        BacklogAlarm = alarm;
    }

    /// <returns>How many events were redacted.</returns>
    private int Redact(JournalRedaction redaction)
    {
        try
        {
            int redacted = journal.RedactStoredBefore(time.GetUtcNow() - redaction.After, redaction.Topic, redaction.Redact);
            if (redacted > 0)
            {
                LogRedacted(redacted, redaction.After.TotalDays);
            }

            return redacted;
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or Microsoft.Data.Sqlite.SqliteException)
        {
            // Retried at the next run; the journal keeps working meanwhile.
            LogRedactionFailed(ex);
            return 0;
        }
    }

    private static async Task<bool> Tick(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Journal: deleted {Count} delivered events older than {Days} days")]
    private partial void LogPruned(int count, double days);

    [LoggerMessage(Level = LogLevel.Information, Message = "Journal: purged personal data from {Count} events older than {Days} days")]
    private partial void LogRedacted(int count, double days);

    [LoggerMessage(Level = LogLevel.Error, Message = "Journal: purging personal data failed; retrying at the next maintenance run")]
    private partial void LogRedactionFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Journal backlog alarm: {Backlog} events not delivered (alarm at {Limit}); passages are still stored, check the broker connection and disk space")]
    private partial void LogBacklogAlarm(long backlog, long limit);

    [LoggerMessage(Level = LogLevel.Information, Message = "Journal backlog back to {Backlog} events; alarm cleared")]
    private partial void LogBacklogCleared(long backlog);
}
