using System.Text.Json.Serialization.Metadata;
using System.Text.Json;
using GateEdge.Events;
using GateEdge.Journal;
using GateEdge.Outputs;
using GateEdge.Rules;
using Microsoft.Extensions.Logging;

namespace GateEdge.Lanes;

/// <summary>
/// R2 at the lane: the lane's event is journalled first and the relay and lamps act only once the
/// journal says it is durable (<see cref="GateActuator"/>). If it cannot be stored, the gate stays
/// shut and the fault lamp lights. The events are built by <see cref="LaneEvents"/>, and what
/// watches the decisions (log, status page, metrics, the lane's prompt) is <see cref="DecisionFeed"/>.
/// </summary>
internal sealed partial class PassageRecorder(
    GateActuator actuator,
    LaneEvents events,
    IGateOutputs outputs,
    DecisionFeed feed,
    ILogger<PassageRecorder> logger) : IPassageRecorder
{
    public Task<EventStamp?> RecordAsync(LaneAttempt attempt, CancellationToken cancellationToken) =>
        TryRecordAsync(attempt.Lane, EventKinds.Passage, s => events.Passage(attempt, s), EventJson.Default.PassageEvent, attempt.Decision.Outcome,
            stamp => feed.Decided(attempt, stamp), cancellationToken);

    public async Task RecordGuardDutyAsync(GuardDutyChange change, CancellationToken cancellationToken)
    {
        // Signing on or off moves nothing: only the record.
        if (await TryRecordAsync(change.Lane, EventKinds.Guard, s => events.GuardDuty(change, s), EventJson.Default.GuardDutyEvent, null, null, cancellationToken).ConfigureAwait(false) is not null)
        {
            feed.GuardDuty(change);
        }
    }

    public Task RecordOverrideAsync(GuardOverride decision, CancellationToken cancellationToken) =>
        TryRecordAsync(decision.Lane, EventKinds.Override, s => events.Override(decision, s), EventJson.Default.OverrideEvent,
            decision.Verdict switch
            {
                GuardVerdict.Allow => Rules.Outcome.Allow,
                GuardVerdict.Deny => Rules.Outcome.Deny,
                _ => null,
            },
            _ => feed.Override(decision), cancellationToken);

    /// <summary>Journals one event, then signals <paramref name="outcome"/> (none: nothing to signal); on failure the fault lamp lights and nothing else happens.</summary>
    private async Task<EventStamp?> TryRecordAsync<TEvent>(LaneOptions lane, string kind, Func<EventStamp, TEvent> build, JsonTypeInfo<TEvent> json,
        Rules.Outcome? outcome, Action<EventStamp>? recorded, CancellationToken cancellationToken)
    {
        byte[] Body(EventStamp s) => JsonSerializer.SerializeToUtf8Bytes(build(s), json);
        try
        {
            if (outcome is { } signal)
            {
                return await actuator.RecordThenActAsync(lane.Id, kind, Body, signal, recorded, cancellationToken).ConfigureAwait(false);
            }

            var stamp = await actuator.RecordAsync(kind, Body).ConfigureAwait(false);
            recorded?.Invoke(stamp);
            return stamp;
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
