using System.ComponentModel.DataAnnotations;
using GateEdge.Common;

namespace GateEdge.Journal;

/// <summary>Bound from <c>Journal</c>.</summary>
internal sealed class JournalOptions
{
    /// <summary>SQLite file of the event journal; relative paths are under the gateway's state directory.</summary>
    public string Path { get; set; } = "journal.db";

    /// <summary>
    /// Most megabytes the journal may take, so it never fills a disk it shares with the system and
    /// the logs. Reaching it is handled as a full disk: attempts are refused (gates stay closed) and
    /// reported, so an alarm goes to the centre well before (<see cref="SizeAlarmAtPercent"/>).
    /// Default 2048 MiB, about two million passages; 0: no cap (a disk of its own).
    /// </summary>
    [Range(0, 1000000)]
    public long MaxSizeMiB { get; set; } = 2048;

    /// <summary>
    /// How full of <see cref="MaxSizeMiB"/> the journal may get before an alarm (log, status page
    /// and an alarm event to the centre) asks someone to look: the broker unreachable for weeks,
    /// or retention set too long. Default 80 %.
    /// </summary>
    [Range(10, 99)]
    public int SizeAlarmAtPercent { get; set; } = 80;

    /// <summary>Most events committed in one transaction (group commit). Default 512.</summary>
    [Range(1, 10000)]
    public int MaxBatch { get; set; } = 512;

    /// <summary>Delivered events are deleted after this long. Default 7 days, 1 hour–365 days.</summary>
    [DurationRange("01:00:00", "365.00:00:00")]
    public TimeSpan DeliveredRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// Delivered events are deleted only below the newest checkpoint the centre acknowledged, so a box
    /// never drops a record the centre has not confirmed it holds (docs/mqtt.md, "Checkpoints"); an
    /// unacknowledged box keeps its events past <see cref="DeliveredRetention"/> and says so. Default true.
    /// </summary>
    public bool PruneOnlyAcknowledged { get; set; } = true;

    /// <summary>Undelivered events beyond which an alarm is raised. Passages are still stored past it, never dropped. Default 1,000,000.</summary>
    [Range(1d, 1e12)]
    public long BacklogAlarmAt { get; set; } = 1_000_000;

    /// <summary>
    /// How long commits may keep failing (a full disk, a read-only state folder) before the
    /// systemd watchdog is no longer fed and the service is restarted. Default 60 s, 0 s–1 hour.
    /// </summary>
    [DurationRange("00:00:00", "01:00:00")]
    public TimeSpan FailureGrace { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How often the gateway checks that the journal file it writes is still the one at
    /// <see cref="Path"/> (not deleted, moved or replaced under it). Default 15 s.
    /// </summary>
    [DurationRange("00:00:01", "01:00:00")]
    public TimeSpan FileCheckInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often retention and the backlog budget are checked. Default 1 hour.</summary>
    [DurationRange("00:00:01", "1.00:00:00")]
    public TimeSpan MaintenanceInterval { get; set; } = TimeSpan.FromHours(1);
}
