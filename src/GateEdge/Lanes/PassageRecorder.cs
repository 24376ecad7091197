using System.Text.Json;
using GateEdge.Configuration;
using GateEdge.Events;
using GateEdge.Journal;
using GateEdge.Outputs;
using GateEdge.Privacy;
using GateEdge.Publishing;
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
    CredentialHasher hasher,
    Topics topics,
    ILogger<PassageRecorder> logger) : IPassageRecorder
{
    public async Task RecordAsync(LaneAttempt attempt, CancellationToken cancellationToken)
    {
        EventStamp stamp;
        try
        {
            stamp = await journal.AppendAsync(topics.PassageEvents, s =>
                JsonSerializer.SerializeToUtf8Bytes(PassageEvents.Create(attempt, gateway, hasher, s), EventJson.Default.PassageEvent)).ConfigureAwait(false);
        }
        catch (JournalWriteException ex)
        {
            LogNotRecorded(ex, attempt.Lane.Id);
            await outputs.SignalFaultAsync(attempt.Lane.Id, cancellationToken).ConfigureAwait(false);
            return;
        }

        var decision = attempt.Decision;
        LogDecision(attempt.Lane.Id, stamp.Seq, PersonalDataMask.Credential(attempt.Card.Credential), attempt.Reading?.BodyC,
            Wire.Of(decision.Outcome), string.Join(",", decision.Rules), string.Join("; ", decision.Reasons));
        await outputs.SignalAsync(attempt.Lane.Id, decision.Outcome, cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Lane {Lane} #{Seq}: {Credential} {BodyC} °C → {Outcome} ({Rules}: {Reasons})")]
    private partial void LogDecision(string lane, long seq, string credential, decimal? bodyC, string outcome, string rules, string reasons);

    [LoggerMessage(Level = LogLevel.Error, Message = "Lane {Lane}: the attempt could not be recorded, the gate stays shut (R2)")]
    private partial void LogNotRecorded(Exception exception, string lane);
}
