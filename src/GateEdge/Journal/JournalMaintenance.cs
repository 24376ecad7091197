using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GateEdge.Journal;

/// <summary>
/// Keeps the journal within its disk budget: deletes delivered events past their retention (only
/// below the centre's acknowledged checkpoint, unless configured otherwise) and raises the backlog
/// alarm when undelivered events pile up. It never deletes an undelivered event: when the disk is
/// truly full, appends fail and gates stay shut (R2) rather than a passage being lost. With a
/// <see cref="JournalRedaction"/>, it also purges personal data from events kept past its period.
/// When the journal fills <see cref="JournalOptions.SizeAlarmAtPercent"/> of its cap, it says so
/// once (the log, <see cref="SizeAlarm"/>, and <c>sizeAlarm</c>: an alarm event for the centre),
/// long before a full journal would shut the gates.
/// Every step is guarded on its own: a failing step is logged and tried again at the next run, and
/// never ends the service or the steps after it; a damaged row the purge cannot read is erased whole
/// once and named (<see cref="JournalAlarm.Kinds.RowErased"/>), never retried.
/// </summary>
/// <param name="alarms">Records an alarm for the centre; none in tests of the other steps.</param>
internal sealed partial class JournalMaintenance(EventJournal journal, JournalOptions options, TimeProvider time, ILogger<JournalMaintenance> logger,
    JournalRedaction? redaction = null, Func<JournalAlarm, Task>? alarms = null)
    : BackgroundService
{
    /// <summary>True while the journal holds <see cref="JournalOptions.SizeAlarmAtPercent"/> of its cap or more.</summary>
    public bool SizeAlarm { get; private set; }

    /// <summary>True while the undelivered backlog is at or above <see cref="JournalOptions.BacklogAlarmAt"/>.</summary>
    public bool BacklogAlarm { get; private set; }

    /// <summary>Delivered events kept past their retention because the centre has not acknowledged a checkpoint covering them.</summary>
    public long HeldForAcknowledgement { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.MaintenanceInterval, time);
        do
        {
            foreach (var alarm in RunOnce())
            {
                if (alarms is not null)
                {
                    await alarms(alarm).ConfigureAwait(false);
                }
            }
        }
        while (await Tick(timer, stoppingToken).ConfigureAwait(false));
    }

    /// <summary>One run of every step; returns the alarms this run raised.</summary>
    internal List<JournalAlarm> RunOnce()
    {
        var raised = new List<JournalAlarm>();
        var cutoff = time.GetUtcNow() - options.DeliveredRetention;
        long upTo = options.PruneOnlyAcknowledged ? Step("reading the acknowledged checkpoint", journal.Checkpoints.AcknowledgedSize) : long.MaxValue;
        int pruned = Step("pruning delivered events", () => journal.Housekeeping.PruneDelivered(cutoff, upTo));
        if (pruned > 0)
        {
            LogPruned(pruned, options.DeliveredRetention.TotalDays);
        }

        if (options.PruneOnlyAcknowledged)
        {
            ReportHeld(Step("counting unacknowledged events", () => journal.Housekeeping.HeldForAcknowledgement(cutoff, upTo)), upTo);
        }

        int redacted = redaction is null ? 0 : Step("purging personal data", () => Redact(redaction, raised));
        if (redacted > 0 || pruned > 0)
        {
            Step("emptying the write-ahead log", () =>
            {
                journal.Housekeeping.TruncateWriteAheadLog();
                return 0;
            });
        }

        CheckBacklog(journal.Outbox.CountUndelivered());
        if (journal.MaxSizeBytes > 0 && CheckSize(Step("measuring the journal", journal.Housekeeping.UsedBytes), journal.MaxSizeBytes) is { } full)
        {
            raised.Add(new JournalAlarm(JournalAlarm.Kinds.NearlyFull, full));
        }

        return raised;
    }

    private string? CheckSize(long used, long cap)
    {
        bool alarm = used * 100 >= cap * options.SizeAlarmAtPercent;
        string? raised = null;
        if (alarm && !SizeAlarm)
        {
            raised = $"the journal holds {used / 1048576.0:0.#} MiB of its {cap / 1048576.0:0.#} MiB cap (alarm at {options.SizeAlarmAtPercent} %); when it is full, attempts cannot be recorded and the gates stay shut: check the broker connection and Journal.DeliveredRetention, or raise Journal.MaxSizeMiB";
            LogSizeAlarm(raised);
        }
        else if (!alarm && SizeAlarm)
        {
            LogSizeCleared(used / 1048576.0);
        }

        SizeAlarm = alarm;
        return raised;
    }

    private int Redact(JournalRedaction redaction, List<JournalAlarm> raised)
    {
        var (redacted, erased) = journal.Housekeeping.RedactStoredBefore(time.GetUtcNow() - redaction.After, redaction.Kind, redaction.Redact);
        if (redacted > 0)
        {
            LogRedacted(redacted, redaction.After.TotalDays);
        }

        foreach (long seq in erased)
        {
            string detail = $"event {seq}'s copy in the journal is damaged (its stored body cannot be read); at the end of the personal-data retention it was erased whole, since it could not be purged field by field";
            LogRowErased(seq, detail);
            raised.Add(new JournalAlarm(JournalAlarm.Kinds.RowErased, detail, seq));
        }

        return redacted;
    }

    private void ReportHeld(long held, long acknowledged)
    {
        if (held > 0 && HeldForAcknowledgement == 0)
        {
            LogHeldForAcknowledgement(held, options.DeliveredRetention.TotalDays, acknowledged);
        }

        HeldForAcknowledgement = held;
    }

    private void CheckBacklog(long backlog)
    {
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

    /// <summary>Runs one step; a failure is logged with the step's name and counts as nothing done.</summary>
    private T Step<T>(string what, Func<T> step) where T : struct
    {
        try
        {
            return step();
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or Microsoft.Data.Sqlite.SqliteException or IOException or InvalidOperationException or FormatException)
        {
            LogStepFailed(ex, what);
            return default;
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

    [LoggerMessage(Level = LogLevel.Error, Message = "Journal size alarm: {Detail}")]
    private partial void LogSizeAlarm(string detail);

    [LoggerMessage(Level = LogLevel.Information, Message = "Journal size back to {MiB:0.#} MiB; alarm cleared")]
    private partial void LogSizeCleared(double miB);

    [LoggerMessage(Level = LogLevel.Information, Message = "Journal: deleted {Count} delivered events older than {Days} days")]
    private partial void LogPruned(int count, double days);

    [LoggerMessage(Level = LogLevel.Information, Message = "Journal: purged personal data from {Count} events older than {Days} days")]
    private partial void LogRedacted(int count, double days);

    [LoggerMessage(EventName = "JournalRowErased", Level = LogLevel.Error, Message = "Journal: event {Seq}: {Detail}")]
    private partial void LogRowErased(long seq, string detail);

    [LoggerMessage(Level = LogLevel.Error, Message = "Journal maintenance: {Step} failed; the gate keeps working and the step is tried again at the next run")]
    private partial void LogStepFailed(Exception exception, string step);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Journal: {Count} delivered events are older than {Days} days and kept, because the centre has acknowledged no checkpoint beyond event {Acknowledged}; check the centre's ingest")]
    private partial void LogHeldForAcknowledgement(long count, double days, long acknowledged);

    [LoggerMessage(Level = LogLevel.Error, Message = "Journal backlog alarm: {Backlog} events not delivered (alarm at {Limit}); passages are still stored, check the broker connection and disk space")]
    private partial void LogBacklogAlarm(long backlog, long limit);

    [LoggerMessage(Level = LogLevel.Information, Message = "Journal backlog back to {Backlog} events; alarm cleared")]
    private partial void LogBacklogCleared(long backlog);
}
