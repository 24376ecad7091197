namespace GateEdge.TestSupport;

/// <summary>Waits for a condition that real I/O or real processes make true, failing with what was awaited at a deadline.</summary>
public static class Eventually
{
    public static Task True(Func<bool> condition, string what, TimeSpan? within = null) =>
        True(condition, () => what, within ?? TimeSpan.FromSeconds(10));

    /// <param name="what">Describes the awaited state at the deadline, when it can say what was seen instead.</param>
    public static Task True(Func<bool> condition, Func<string> what, TimeSpan within) =>
        True(() => Task.FromResult(condition()), what, within, TimeSpan.FromMilliseconds(20));

    /// <summary>For a condition that asks a process (a browser page) and must be awaited.</summary>
    public static Task True(Func<Task<bool>> condition, string what, TimeSpan within) =>
        True(condition, () => what, within);

    public static Task True(Func<Task<bool>> condition, Func<string> what, TimeSpan within) =>
        True(condition, what, within, TimeSpan.FromMilliseconds(100));

    private static async Task True(Func<Task<bool>> condition, Func<string> what, TimeSpan within, TimeSpan pollEvery)
    {
        var deadline = DateTime.UtcNow + within;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"timed out after {within.TotalSeconds} s waiting for {what()}");
            }

            await Task.Delay(pollEvery);
        }
    }
}
