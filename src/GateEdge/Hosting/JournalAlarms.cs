using System.Text.Json;
using GateEdge.Events;
using GateEdge.Outputs;

namespace GateEdge.Hosting;

/// <summary>Puts what the journal itself has to report on record as an alarm event for the centre.</summary>
internal sealed class JournalAlarms(GateActuator actuator, EventHeaders headers, TimeProvider time)
{
    /// <param name="fromSeq">With <paramref name="toSeq"/>: the sequence numbers the alarm is about.</param>
    public Task RecordAsync(string alarm, string detail, long? fromSeq = null, long? toSeq = null) =>
        actuator.RecordAsync(EventKinds.Alarm, s => JsonSerializer.SerializeToUtf8Bytes(
            new AlarmEvent(headers.For(s, time.GetUtcNow(), ""), alarm, detail, fromSeq, toSeq), EventJson.Default.AlarmEvent));
}
