using GateEdge.Rules;
using Microsoft.Extensions.Logging;

namespace GateEdge.Lanes;

/// <summary>How a lane runs, and how it stops without leaving anyone who presented unanswered.</summary>
internal sealed partial class LaneCoordinator
{
    /// <summary>How long a stopping lane may take to answer what it holds before it gives up on the journal.</summary>
    internal static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Runs the lane until <paramref name="stopping"/>. Its devices stop first (the gateway's worker
    /// sees to that), so whatever the lane then holds is all there is: every input already posted is
    /// handled, and a card still waiting for its reading is decided as having none (retest: the
    /// person is told to present again, and the record says why). An input being handled when the
    /// stop comes is finished, not abandoned; all of it within <see cref="StopGrace"/>.
    /// </summary>
    public async Task RunAsync(CancellationToken stopping)
    {
        // Cancelled StopGrace after the stop, on the lane's clock; the registration ends before the source is disposed.
        using var handling = new CancellationTokenSource(Timeout.InfiniteTimeSpan, _time);
        using var stop = stopping.Register(() => handling.CancelAfter(StopGrace));
        try
        {
            await foreach (var input in _inputs.Reader.ReadAllAsync(stopping).ConfigureAwait(false))
            {
                await HandleAsync(input, handling.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }

        await HandlePostedAsync(handling.Token).ConfigureAwait(false);
        if (_pending is not null)
        {
            LogAnsweredAtStop(_lane.Id);
            await DecidePendingAsync(TemperatureSource.NoReading, null, handling.Token).ConfigureAwait(false);
        }

        stopping.ThrowIfCancellationRequested();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Lane {Lane}: stopping with a card still waiting for its reading; decided without one, so the person is asked to present again")]
    private partial void LogAnsweredAtStop(string lane);
}
