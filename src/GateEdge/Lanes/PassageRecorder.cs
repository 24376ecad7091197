using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using GateEdge.Events;
using GateEdge.Journal;
using GateEdge.Outputs;
using GateEdge.Publishing;
using Microsoft.Extensions.Logging;

namespace GateEdge.Lanes;

/// <summary>
/// R2 in code: the lane's event is journalled first; the relay and lamps act only once the
/// journal says it is durable. If it cannot be stored, the gate stays shut and the fault lamp
/// lights. It records and signals; the events are built by <see cref="LaneEvents"/>, and what
/// watches the decisions (log, status page, metrics) is <see cref="DecisionFeed"/>.
/// </summary>
internal sealed partial class PassageRecorder(
    EventJournal journal,
    LaneEvents events,
    Topics topics,
    IGateOutputs outputs,
    DecisionFeed feed,
    ILogger<PassageRecorder> logger) : IPassageRecorder
{
    public async Task<EventStamp?> RecordAsync(LaneAttempt attempt, CancellationToken cancellationToken)
    {
        if (await TryRecordAsync(attempt.Lane, topics.PassageEvents, s => events.Passage(attempt, s), EventJson.Default.PassageEvent, cancellationToken).ConfigureAwait(false)
            is not { } stamp)
        {
            return null;
        }

        feed.Decided(attempt, stamp);
        await outputs.SignalAsync(attempt.Lane.Id, attempt.Decision.Outcome, cancellationToken).ConfigureAwait(false);
        return stamp;
    }

    public async Task RecordGuardDutyAsync(GuardDutyChange change, CancellationToken cancellationToken)
    {
        if (await TryRecordAsync(change.Lane, topics.GuardEvents, s => events.GuardDuty(change, s), EventJson.Default.GuardDutyEvent, cancellationToken).ConfigureAwait(false) is not null)
        {
            feed.GuardDuty(change);
        }
    }

    public async Task RecordOverrideAsync(GuardOverride decision, CancellationToken cancellationToken)
    {
        if (await TryRecordAsync(decision.Lane, topics.OverrideEvents, s => events.Override(decision, s), EventJson.Default.OverrideEvent, cancellationToken).ConfigureAwait(false) is null)
        {
            return;
        }

        feed.Override(decision);
        if (decision.Verdict != GuardVerdict.Expired)
        {
            await outputs.SignalAsync(decision.Lane.Id, decision.Verdict == GuardVerdict.Allow ? Rules.Outcome.Allow : Rules.Outcome.Deny, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Journals one event; on failure the lane's fault lamp lights and nothing else happens.</summary>
    private async Task<EventStamp?> TryRecordAsync<TEvent>(LaneOptions lane, string topic, Func<EventStamp, TEvent> build, JsonTypeInfo<TEvent> json, CancellationToken cancellationToken)
    {
        try
        {
            return await journal.AppendAsync(topic, s => JsonSerializer.SerializeToUtf8Bytes(build(s), json)).ConfigureAwait(false);
        }
        catch (JournalWriteException ex)
        {
            LogNotRecorded(ex, lane.Id);
            feed.NotRecorded(lane);
            await outputs.SignalFaultAsync(lane.Id, cancellationToken).ConfigureAwait(false);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Lane {Lane}: the attempt could not be recorded, the gate stays shut (R2)")]
    private partial void LogNotRecorded(Exception exception, string lane);
}
