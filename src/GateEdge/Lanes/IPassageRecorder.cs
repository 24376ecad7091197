namespace GateEdge.Lanes;

/// <summary>Makes a decided attempt durable, then acts on it (R2: nothing opens before the record exists).</summary>
internal interface IPassageRecorder
{
    Task RecordAsync(LaneAttempt attempt, CancellationToken cancellationToken);
}
