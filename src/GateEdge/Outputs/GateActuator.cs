using GateEdge.Events;
using GateEdge.Journal;
using GateEdge.Rules;
using Microsoft.Extensions.Logging;

namespace GateEdge.Outputs;

/// <summary>
/// "Record, then act" in one place (R2): an event is journalled first, and only once it is durable
/// do the relay and lamps move; an event that opens a gate is then followed by its actuation record,
/// saying what the relay did. An opening whose actuation record is missing at the next start (the
/// gateway stopped in between) is recorded as <c>not-confirmed</c> then (<see cref="ReportUnconfirmedAsync"/>).
/// </summary>
internal sealed partial class GateActuator(JournalAppender journal, IGateOutputs outputs, EventHeaders headers, TimeProvider time, ILogger<GateActuator> logger)
{
    /// <summary>
    /// Journals the event built by <paramref name="body"/>, runs <paramref name="recorded"/>, then signals
    /// <paramref name="outcome"/> at <paramref name="lane"/>. A <see cref="JournalWriteException"/> means
    /// nothing was recorded and nothing moved.
    /// </summary>
    public async Task<EventStamp> RecordThenActAsync(string lane, string kind, Func<EventStamp, byte[]> body, Outcome outcome,
        Action<EventStamp>? recorded, CancellationToken cancellationToken)
    {
        bool opens = outcome == Outcome.Allow;
        var stamp = await journal.AppendAsync(new AppendRequest(kind, body, opens ? new Opening(lane, kind) : null)).ConfigureAwait(false);
        recorded?.Invoke(stamp);
        var relay = await outputs.SignalAsync(lane, outcome, cancellationToken).ConfigureAwait(false);
        if (opens)
        {
            await RecordActuationAsync(new PendingOpening(stamp.Seq, stamp.Id.ToString(), lane, kind), relay).ConfigureAwait(false);
        }

        return stamp;
    }

    /// <summary>Journals an event that moves nothing (a guard signing on).</summary>
    public Task<EventStamp> RecordAsync(string kind, Func<EventStamp, byte[]> body) => journal.AppendAsync(new AppendRequest(kind, body));

    /// <summary>Records each opening left without an actuation record by the last run, with a log line each: "allowed, never opened".</summary>
    public async Task ReportUnconfirmedAsync(IReadOnlyList<PendingOpening> openings)
    {
        foreach (var opening in openings)
        {
            LogUnconfirmed(opening.Lane, opening.Cause, opening.Seq);
            await RecordActuationAsync(opening, RelayResult.NotConfirmed).ConfigureAwait(false);
        }
    }

    private async Task RecordActuationAsync(PendingOpening opening, RelayResult relay)
    {
        try
        {
            await journal.AppendAsync(new AppendRequest(EventKinds.Actuation, s => System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(
                new ActuationEvent(headers.For(s, time.GetUtcNow(), opening.Lane), opening.Id, opening.Seq, opening.Cause, relay.Relay, relay.Problem),
                EventJson.Default.ActuationEvent), Closes: opening.Seq)).ConfigureAwait(false);
        }
        catch (JournalWriteException ex)
        {
            // The opening stays in the journal's openings: the next start records it as not confirmed.
            LogActuationNotRecorded(ex, opening.Lane, opening.Seq);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Lane {Lane}: what the relay did for event #{Seq} could not be recorded; the next start reports it as not confirmed")]
    private partial void LogActuationNotRecorded(Exception exception, string lane, long seq);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lane {Lane}: the {Cause} #{Seq} was allowed and recorded, but the gateway stopped before the relay's result was recorded: allowed, never confirmed opened")]
    private partial void LogUnconfirmed(string lane, string cause, long seq);
}
