using System.Diagnostics.Metrics;
using GateEdge.Devices.Health;
using GateEdge.Journal;

namespace GateEdge.Status;

/// <summary>
/// The gateway's instruments (System.Diagnostics.Metrics), exported as Prometheus text on
/// <c>/metrics</c> by <see cref="PrometheusText"/>. One meter per gateway host, so a host started
/// again after a configuration push reports from zero without counting the old one twice.
/// </summary>
internal sealed class GatewayMetrics : IDisposable
{
    public const string MeterName = "GateEdge";

    private readonly Counter<long> _decisions;
    private readonly Histogram<double> _decisionLatency;
    private readonly Histogram<double> _publishAck;

    /// <param name="staleLists">The lists past their freshness limit now (the registry's view); none when not given.</param>
    public GatewayMetrics(EventJournal journal, DeviceHealthBoard health, BrokerConnectionState broker, TimeProvider time, Func<IReadOnlyCollection<string>>? staleLists = null)
    {
        Meter = new Meter(MeterName);
        _decisions = Meter.CreateCounter<long>("gateedge_decisions_total", description: "Decisions at the lanes, by lane and outcome");
        _decisionLatency = Meter.CreateHistogram<double>("gateedge_decision_seconds", unit: "s",
            description: "From the frame that completed an attempt to the relay command, journal commit included", tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.00025, 0.0005, 0.00075, 0.001, 0.0015, 0.002, 0.003, 0.005, 0.0075, 0.01, 0.025, 0.05, 0.1, 0.25, 1] });
        _publishAck = Meter.CreateHistogram<double>("gateedge_publish_ack_seconds", unit: "s", description: "From publishing a batch of events to the broker's acknowledgement of all of them");
        Meter.CreateObservableGauge("gateedge_backlog_events", () => journal.Outbox.CountUndelivered(), description: "Events in the journal not yet acknowledged by the broker");
        Meter.CreateObservableGauge("gateedge_journal_recording", () => journal.Health.CanRecord ? 1 : 0, description: "1 while attempts can be recorded; 0 while the journal's commits fail (full disk, read-only state folder)");
        Meter.CreateObservableGauge("gateedge_oldest_undelivered_seconds", () => journal.Outbox.OldestUndeliveredStoredAt() is { } at ? Math.Max(0, (time.GetUtcNow() - at).TotalSeconds) : 0,
            unit: "s", description: "Age of the oldest event not yet acknowledged by the broker (0 when none waits)");
        Meter.CreateObservableGauge("gateedge_stale_lists", () => staleLists?.Invoke().Count ?? 0,
            description: "Lists (quarantine, key-group, persons) the centre has not refreshed within their freshness limit");
        Meter.CreateObservableGauge("gateedge_build_info", () => new Measurement<int>(1, new KeyValuePair<string, object?>("version", Version)),
            description: "The running GateEdge version");
        Meter.CreateObservableCounter("process_cpu_seconds_total", () => ProcessFigures.CpuSeconds, unit: "s", description: "CPU time the gateway process has used, user and system");
        Meter.CreateObservableGauge("process_resident_memory_bytes", () => ProcessFigures.ResidentBytes, unit: "By", description: "Resident memory of the gateway process");
        Meter.CreateObservableGauge("process_open_fds", () => ProcessFigures.OpenDescriptors, description: "Open file descriptors of the gateway process (ports, sockets, the journal)");
        Meter.CreateObservableGauge("process_start_time_seconds", () => ProcessFigures.StartTimeSeconds, unit: "s", description: "When the gateway process started, in seconds since the Unix epoch");
        Meter.CreateObservableGauge("gateedge_last_seq", () => journal.Appender.LastSeq, description: "Sequence number of the newest event");
        Meter.CreateObservableGauge("gateedge_unacknowledged_events", () => Math.Max(0, journal.Appender.LastSeq - journal.Checkpoints.AcknowledgedSize()),
            description: "Events after the newest checkpoint the centre acknowledged: kept here past their retention, and the window a box holder could rewrite before the centre would notice");
        Meter.CreateObservableGauge("gateedge_broker_connected", () => broker.Current.Connected ? 1 : 0, description: "1 while connected to the broker");
        Meter.CreateObservableGauge("gateedge_device_up", () => health.Snapshot().Select(d => Measure(d.IsAvailable ? 1 : 0, d.Device)), description: "1 while the device is online or degraded");
        Meter.CreateObservableCounter("gateedge_device_frames_total", () => health.Snapshot().Select(d => Measure(d.Counters?.Frames ?? 0, d.Device)), description: "Frames that passed their checks");
        Meter.CreateObservableCounter("gateedge_device_bad_frames_total", () => health.Snapshot().Select(d => Measure(d.Counters?.BadFrames ?? 0, d.Device)), description: "Frames that failed a checksum or were malformed");
        Meter.CreateObservableCounter("gateedge_device_missed_replies_total", () => health.Snapshot().Select(d => Measure(d.Counters?.SilentPolls ?? 0, d.Device)), description: "Polls the device did not answer");
        Meter.CreateObservableCounter("gateedge_device_flooded_reads_total", () => health.Snapshot().Select(d => Measure(d.Counters?.FloodedReads ?? 0, d.Device)), description: "Card reads beyond what a person can present, counted and not decided");
        Meter.CreateObservableCounter("gateedge_device_tamper_reports_total", () => health.Snapshot().Select(d => Measure(d.Counters?.TamperReports ?? 0, d.Device)), description: "Tamper and power failures the device reported");
        Meter.CreateObservableCounter("gateedge_device_disconnects_total", () => health.Snapshot().Select(d => Measure(d.Counters?.Disconnects ?? 0, d.Device)), description: "Times the device's connection was lost");
    }

    public Meter Meter { get; }

    /// <summary>The version this gateway was built as, with the commit (<c>0.4.0+3bb23a5…</c>).</summary>
    public static string Version { get; } = typeof(GatewayMetrics).Assembly
        .GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
        .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion ?? "unknown";

    public void Decided(string lane, string outcome, TimeSpan latency)
    {
        _decisions.Add(1, new KeyValuePair<string, object?>("lane", lane), new KeyValuePair<string, object?>("outcome", outcome));
        _decisionLatency.Record(latency.TotalSeconds);
    }

    public void Acknowledged(TimeSpan latency) => _publishAck.Record(latency.TotalSeconds);

    public void Dispose() => Meter.Dispose();

    private static Measurement<long> Measure(long value, string device) => new(value, new KeyValuePair<string, object?>("device", device));
}
