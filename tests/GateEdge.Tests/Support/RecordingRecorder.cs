using System.Threading.Channels;
using GateEdge.Lanes;

namespace GateEdge.Tests.Support;

/// <summary>Collects the attempts a lane decides, for tests to await one by one.</summary>
internal sealed class RecordingRecorder : IPassageRecorder
{
    private readonly Channel<LaneAttempt> _attempts = Channel.CreateUnbounded<LaneAttempt>();

    public Task RecordAsync(LaneAttempt attempt, CancellationToken cancellationToken)
    {
        _attempts.Writer.TryWrite(attempt);
        return Task.CompletedTask;
    }

    /// <summary>The next decided attempt; the lane is stepped synchronously, so it must be there already.</summary>
    public LaneAttempt Next() =>
        _attempts.Reader.TryRead(out var attempt) ? attempt : throw new Xunit.Sdk.XunitException("the lane decided nothing");

    public bool TryTake(out LaneAttempt? attempt) => _attempts.Reader.TryRead(out attempt);
}
