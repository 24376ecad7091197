using System.Text.Json;
using GateEdge.Events;
using GateEdge.Outputs;

namespace GateEdge.Lanes;

/// <summary>Puts an alarm on record as a journalled <see cref="AlarmEvent"/> for the centre: the devices', the journal's, the gateway's own.</summary>
internal sealed class AlarmRecords(GateActuator actuator, EventHeaders headers, TimeProvider time)
{
    /// <param name="at">When it happened; now when not given.</param>
    /// <param name="fromSeq">With <paramref name="toSeq"/>: the sequence numbers the alarm is about.</param>
    public Task RecordAsync(string alarm, string detail, DateTimeOffset? at = null, long? fromSeq = null, long? toSeq = null) =>
        actuator.RecordAsync(EventKinds.Alarm, s => JsonSerializer.SerializeToUtf8Bytes(
            new AlarmEvent(headers.For(s, at ?? time.GetUtcNow(), ""), alarm, detail, fromSeq, toSeq), EventJson.Default.AlarmEvent));

    /// <summary>
    /// Records the alarm without waiting, from a timer or an event handler: a journal that cannot take
    /// it has already said so (recording fault, health red), so its failure is observed here, not rethrown.
    /// </summary>
    public void RecordInBackground(string alarm, string detail, long? fromSeq = null, long? toSeq = null) =>
        _ = RecordAsync(alarm, detail, fromSeq: fromSeq, toSeq: toSeq).ContinueWith(
            t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
}
