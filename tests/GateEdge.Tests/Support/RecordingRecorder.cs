using System.Threading.Channels;
using GateEdge.Journal;
using GateEdge.Lanes;

namespace GateEdge.Tests.Support;

/// <summary>Collects what a lane records (attempts, guard duty, overrides), for tests to take one by one.</summary>
internal sealed class RecordingRecorder : IPassageRecorder
{
    private readonly Channel<LaneAttempt> _attempts = Channel.CreateUnbounded<LaneAttempt>();
    private long _seq;

    public List<(LaneAttempt Attempt, EventStamp Stamp)> Recorded { get; } = [];

    public List<GuardDutyChange> DutyChanges { get; } = [];

    public List<GuardOverride> Overrides { get; } = [];

    public Task<EventStamp?> RecordAsync(LaneAttempt attempt, CancellationToken cancellationToken)
    {
        var stamp = new EventStamp(++_seq, Guid.CreateVersion7(), GateEdge.Evidence.EventChain.Genesis);
        Recorded.Add((attempt, stamp));
        _attempts.Writer.TryWrite(attempt);
        return Task.FromResult<EventStamp?>(stamp);
    }

    public Task RecordGuardDutyAsync(GuardDutyChange change, CancellationToken cancellationToken)
    {
        DutyChanges.Add(change);
        return Task.CompletedTask;
    }

    public Task RecordOverrideAsync(GuardOverride decision, CancellationToken cancellationToken)
    {
        Overrides.Add(decision);
        return Task.CompletedTask;
    }

    /// <summary>The next decided attempt; the lane is stepped synchronously, so it must be there already.</summary>
    public LaneAttempt Next() =>
        _attempts.Reader.TryRead(out var attempt) ? attempt : throw new Xunit.Sdk.XunitException("the lane decided nothing");

    public bool TryTake(out LaneAttempt? attempt) => _attempts.Reader.TryRead(out attempt);
}
