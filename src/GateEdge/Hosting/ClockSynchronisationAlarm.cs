using GateEdge.Common.Clock;
using GateEdge.Events;
using GateEdge.Lanes;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GateEdge.Hosting;

/// <summary>
/// When the clock becomes synchronised after events were stamped without (a box without a
/// real-time clock, booted before the network), the centre gets a <c>clock-synchronised</c> alarm
/// naming those events and how far the clock moved. The alarm is itself stamped by the synchronised
/// clock in the same boot, so it is what the centre places them by even at a gate where nobody
/// passes next (docs/mqtt.md, "The clock").
/// </summary>
internal sealed partial class ClockSynchronisationAlarm(ClockWitness clock, AlarmRecords alarms, TimeProvider time, ILogger<ClockSynchronisationAlarm> logger)
    : IHostedService, IDisposable
{
    /// <summary>Asking the kernel costs one system call; a synchronisation is on record within this.</summary>
    internal static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(10);

    private ITimer? _timer;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _timer = time.CreateTimer(_ => Check(), null, CheckInterval, CheckInterval);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _timer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        return Task.CompletedTask;
    }

    public void Dispose() => _timer?.Dispose();

    private void Check()
    {
        if (clock.TakeSynchronisation() is not { } synchronised)
        {
            return;
        }

        string detail = Detail(synchronised);
        LogSynchronised(detail);
        alarms.RecordInBackground(AlarmEvent.ClockSynchronised, detail, synchronised.FromSeq, synchronised.ToSeq);
    }

    internal static string Detail(ClockSynchronised s)
    {
        string events = s.FromSeq == s.ToSeq ? $"event {s.FromSeq} was" : $"events {s.FromSeq}-{s.ToSeq} were";
        string moved = Math.Abs(s.StepSeconds) < 0.001 ? "the clock did not move"
            : $"the clock moved {Math.Abs(s.StepSeconds).ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)} s {(s.StepSeconds > 0 ? "forward" : "back")}, so their times are up to that far {(s.StepSeconds > 0 ? "behind" : "ahead")}";
        return $"the clock is synchronised; {events} stamped before it and {moved}";
    }

    [LoggerMessage(EventName = "ClockSynchronised", Level = LogLevel.Warning, Message = "Clock synchronised: {Detail}")]
    private partial void LogSynchronised(string detail);
}
