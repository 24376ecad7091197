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
}
