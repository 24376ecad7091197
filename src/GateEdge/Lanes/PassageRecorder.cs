using System.Text.Json;
using GateEdge.Configuration;
using GateEdge.Events;
using GateEdge.Journal;
using GateEdge.Outputs;
using GateEdge.Privacy;
using GateEdge.Publishing;
using GateEdge.Status;
using Microsoft.Extensions.Logging;

namespace GateEdge.Lanes;

/// <summary>
/// R2 in code: the attempt is journalled first; the relay and lamps act only once the journal
/// says the event is durable. If it cannot be stored, the gate stays shut.
/// </summary>
internal sealed partial class PassageRecorder(
    EventJournal journal,
    IGateOutputs outputs,
    GatewayOptions gateway,
    IdentitySealer sealer,
    PrivacyOptions privacy,
    Topics topics,
    RecentDecisions recent,
    GatewayMetrics metrics,
    TimeProvider time,
    ILogger<PassageRecorder> logger) : IPassageRecorder
{
    public async Task<EventStamp?> RecordAsync(LaneAttempt attempt, CancellationToken cancellationToken)
    {
        EventStamp stamp;
        try
        {
            stamp = await journal.AppendAsync(topics.PassageEvents, s =>
                JsonSerializer.SerializeToUtf8Bytes(PassageEvents.Create(attempt, gateway, sealer, s, privacy.PublishIdentitiesInClear), EventJson.Default.PassageEvent)).ConfigureAwait(false);
        }
        catch (JournalWriteException ex)
        {
            LogNotRecorded(ex, attempt.Lane.Id);
            await outputs.SignalFaultAsync(attempt.Lane.Id, cancellationToken).ConfigureAwait(false);
            return null;
        }

        var decision = attempt.Decision;
        var summary = new DecisionSummary(stamp.Seq, attempt.DecidedAt, attempt.Lane.Id, PersonalDataMask.Credential(attempt.Card.Credential), attempt.Reading?.BodyC,
            Wire.Of(attempt.Mask), Wire.Of(decision.Outcome), string.Join(",", decision.Rules), string.Join("; ", decision.Reasons));
        LogDecision(summary.Lane, summary.Seq, summary.Credential, summary.Temperature, summary.Mask, summary.Outcome, summary.Rules, summary.Reasons);
        recent.Add(summary);
        // From the frame that completed the attempt (the later of card and reading) to the relay command.
        var completedAt = attempt.Reading is { } reading && reading.At > attempt.Card.At ? reading.At : attempt.Card.At;
        metrics.Decided(summary.Lane, summary.Outcome, time.GetUtcNow() - completedAt);
        await outputs.SignalAsync(attempt.Lane.Id, decision.Outcome, cancellationToken).ConfigureAwait(false);
        return stamp;
    }

    public async Task RecordGuardDutyAsync(GuardDutyChange change, CancellationToken cancellationToken)
    {
        try
        {
            await journal.AppendAsync(topics.GuardEvents, s => JsonSerializer.SerializeToUtf8Bytes(new GuardDutyEvent(
                GuardDutyEvent.SchemaId, s.Id.ToString(), s.Seq, change.At, gateway.CompoundId, gateway.GateId, gateway.Id, change.Lane.Id,
                change.Guard, change.SignOn ? "sign-on" : "sign-off", change.Previous), EventJson.Default.GuardDutyEvent)).ConfigureAwait(false);
            LogGuardDuty(change.Lane.Id, change.Guard, change.SignOn ? "on" : "off");
        }
        catch (JournalWriteException ex)
        {
            LogNotRecorded(ex, change.Lane.Id);
            await outputs.SignalFaultAsync(change.Lane.Id, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task RecordOverrideAsync(GuardOverride decision, CancellationToken cancellationToken)
    {
        var verdict = decision.Verdict switch
        {
            GuardVerdict.Allow => "allow",
            GuardVerdict.Deny => "deny",
            _ => "expired",
        };
        try
        {
            await journal.AppendAsync(topics.OverrideEvents, s => JsonSerializer.SerializeToUtf8Bytes(new OverrideEvent(
                OverrideEvent.SchemaId, s.Id.ToString(), s.Seq, decision.At, gateway.CompoundId, gateway.GateId, gateway.Id, decision.Lane.Id,
                decision.Passage.Id.ToString(), decision.Passage.Seq, decision.Guard, verdict, decision.Reason), EventJson.Default.OverrideEvent)).ConfigureAwait(false);
        }
        catch (JournalWriteException ex)
        {
            LogNotRecorded(ex, decision.Lane.Id);
            await outputs.SignalFaultAsync(decision.Lane.Id, cancellationToken).ConfigureAwait(false);
            return;
        }

        LogOverride(decision.Lane.Id, decision.Passage.Seq, verdict, decision.Guard ?? "no guard signed on");
        if (decision.Verdict != GuardVerdict.Expired)
        {
            await outputs.SignalAsync(decision.Lane.Id, decision.Verdict == GuardVerdict.Allow ? Rules.Outcome.Allow : Rules.Outcome.Deny, cancellationToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Lane {Lane}: guard {Guard} signed {OnOff}")]
    private partial void LogGuardDuty(string lane, string guard, string onOff);

    [LoggerMessage(Level = LogLevel.Information, Message = "Lane {Lane} #{Seq} referred: {Verdict} ({Guard})")]
    private partial void LogOverride(string lane, long seq, string verdict, string guard);

    [LoggerMessage(Level = LogLevel.Information, Message = "Lane {Lane} #{Seq}: {Credential} {Temperature}, mask {Mask} → {Outcome} ({Rules}: {Reasons})")]
    private partial void LogDecision(string lane, long seq, string credential, string temperature, string mask, string outcome, string rules, string reasons);

    [LoggerMessage(Level = LogLevel.Error, Message = "Lane {Lane}: the attempt could not be recorded, the gate stays shut (R2)")]
    private partial void LogNotRecorded(Exception exception, string lane);
}
