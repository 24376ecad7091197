namespace GateEdge.Common;

/// <summary>
/// Capped exponential backoff, the one way GateEdge waits between retries (a device's connection,
/// the broker's): the first wait, doubled after each failure up to the cap, back to the first
/// after a success. With jitter each wait is drawn from ½–1 of the step, so the gateways of a
/// city that lost the same broker do not all come back in the same instant.
/// </summary>
internal sealed class Backoff(TimeSpan first, TimeSpan cap, bool jitter = false)
{
    private readonly TimeSpan _first = first;

    /// <summary>The step the next wait is drawn from.</summary>
    public TimeSpan Step { get; private set; } = first;

    public void Reset() => Step = _first;

    /// <summary>The wait before the next try; the step after it doubles, up to the cap.</summary>
    public TimeSpan NextWait()
    {
        var wait = jitter ? Step * (0.5 + (Random.Shared.NextDouble() / 2)) : Step;
        Step = TimeSpan.FromTicks(Math.Min(Step.Ticks * 2, cap.Ticks));
        return wait;
    }
}
