using GateEdge.Events;
using GateEdge.Journal;
using GateEdge.Privacy;
using GateEdge.Prompts;
using GateEdge.Rules;
using GateEdge.Status;
using Microsoft.Extensions.Logging;

namespace GateEdge.Lanes;

/// <summary>
/// Everything that watches the lanes' decisions once they are recorded: the log line, the
/// status page's last decisions, the metrics, and what the lane tells the person. Card numbers
/// only masked, as everywhere outside the journal.
/// </summary>
internal sealed partial class DecisionFeed(RecentDecisions recent, GuardDesk guards, GatewayMetrics metrics, LanePromptBoard prompts, TimeProvider time, ILogger<DecisionFeed> logger)
{
    public void Decided(LaneAttempt attempt, EventStamp stamp)
    {
        var decision = attempt.Decision;
        var summary = new DecisionSummary(stamp.Seq, attempt.DecidedAt, attempt.Lane.Id, PersonalDataMask.Credential(attempt.Card.Credential), attempt.Reading?.BodyC,
            Wire.Of(attempt.Mask), Wire.Of(decision.Outcome), string.Join(",", decision.Rules), string.Join("; ", decision.Reasons),
            [.. decision.Codes.Select(Wire.Of)]);
        LogDecision(summary.Lane, summary.Seq, summary.Credential, summary.Temperature, summary.Mask, summary.Outcome, summary.Rules, summary.Reasons);
        recent.Add(summary);
        if (decision.Outcome == Outcome.Refer && attempt.Lane.GuardKeypad is not null)
        {
            guards.Referred(summary.Lane, summary.Seq, summary.Time);
        }
        // From the frame that completed the attempt (the later of card and reading) to the relay command.
        var completedAt = attempt.Reading is { } reading && reading.At > attempt.Card.At ? reading.At : attempt.Card.At;
        metrics.Decided(summary.Lane, summary.Outcome, time.GetUtcNow() - completedAt);
        prompts.Show(attempt.Lane.Prompted(), PromptChooser.For(decision, attempt.Lane.Mode), attempt.Reading?.BodyC, PersonalDataMask.Name(attempt.Card.HolderName));
    }

    /// <summary>The attempt could not be recorded: the gate stays shut, and the person is told the lane is out of order.</summary>
    public void NotRecorded(LaneOptions lane) => prompts.Show(lane.Prompted(), new LanePrompt(PromptId.DeviceFault));

    public void GuardDuty(GuardDutyChange change)
    {
        LogGuardDuty(change.Lane.Id, change.Guard, change.SignOn ? "on" : "off");
        if (change.SignOn)
        {
            guards.SignedOn(change.Lane.Id, change.Guard);
        }
        else
        {
            guards.SignedOff(change.Lane.Id);
        }
    }

    public void Override(GuardOverride decision)
    {
        LogOverride(decision.Lane.Id, decision.Passage.Seq, Wire.Of(decision.Verdict), decision.Guard ?? "no guard signed on");
        guards.Closed(decision.Lane.Id, decision.Passage.Seq);
        prompts.Show(decision.Lane.Prompted(), new LanePrompt(decision.Verdict switch
        {
            GuardVerdict.Allow => PromptId.GuardAllowed,
            GuardVerdict.Deny => PromptId.GuardRefused,
            _ => PromptId.GuardTimedOut,
        }));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Lane {Lane} #{Seq}: {Credential} {Temperature}, mask {Mask} → {Outcome} ({Rules}: {Reasons})")]
    private partial void LogDecision(string lane, long seq, string credential, string temperature, string mask, string outcome, string rules, string reasons);

    [LoggerMessage(Level = LogLevel.Information, Message = "Lane {Lane}: guard {Guard} signed {OnOff}")]
    private partial void LogGuardDuty(string lane, string guard, string onOff);

    [LoggerMessage(Level = LogLevel.Information, Message = "Lane {Lane} #{Seq} referred: {Verdict} ({Guard})")]
    private partial void LogOverride(string lane, long seq, string verdict, string guard);
}
