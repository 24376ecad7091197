using GateEdge.Events;
using GateEdge.Journal;
using GateEdge.Lanes;
using GateEdge.Outputs;
using Microsoft.Extensions.Hosting;

namespace GateEdge.Hosting;

/// <summary>
/// What the journal found wrong when it opened goes on record before anything else: a damaged
/// journal set aside (the new journal's first record), events the chain issued that the file no
/// longer holds (an alarm event naming them), and openings the last run
/// recorded without recording what the relay did (each an actuation record, <c>not-confirmed</c>).
/// </summary>
internal sealed class JournalOnStart(EventJournal journal, GateActuator actuator, AlarmRecords alarms) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (journal.Damaged is { } damaged)
        {
            await alarms.RecordAsync(AlarmEvent.JournalDamaged,
                $"the journal could not be used ({damaged.Problem}); it is kept on the gateway at {damaged.KeptAt} and a new journal continues the sequence").ConfigureAwait(false);
        }

        if (journal.Missing is { } missing)
        {
            await alarms.RecordAsync(AlarmEvent.JournalMissingEvents,
                $"events {missing.First}-{missing.Last} were recorded by this gateway and are no longer in its journal (deleted, or an older copy of the file restored)",
                fromSeq: missing.First, toSeq: missing.Last).ConfigureAwait(false);
        }

        await actuator.ReportUnconfirmedAsync(journal.PendingOpenings).ConfigureAwait(false);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
