using GateEdge.Journal;

namespace GateEdge.Lanes;

/// <summary>Makes what happens at a lane durable, then acts on it (R2: nothing opens before the record exists).</summary>
internal interface IPassageRecorder
{
    /// <summary>Records a decided attempt and signals its outcome; null when it could not be recorded (the gate stayed shut).</summary>
    Task<EventStamp?> RecordAsync(LaneAttempt attempt, CancellationToken cancellationToken);

    Task RecordGuardDutyAsync(GuardDutyChange change, CancellationToken cancellationToken);

    /// <summary>Records the guard's decision on a referred attempt, then opens the gate for an allow.</summary>
    Task RecordOverrideAsync(GuardOverride decision, CancellationToken cancellationToken);
}
