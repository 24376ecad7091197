namespace GateEdge.SystemTests.Support;

/// <summary>Waits for a condition that real processes make true, failing with a message at a deadline.</summary>
internal static class Eventually
{
    public static Task True(Func<bool> condition, string what, TimeSpan within) => True(condition, () => what, within);

    /// <param name="what">Describes the awaited state at the deadline, when it can say what was seen instead.</param>
    public static Task True(Func<bool> condition, Func<string> what, TimeSpan within) =>
        True(() => Task.FromResult(condition()), what, within, TimeSpan.FromMilliseconds(25));

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
                throw new Xunit.Sdk.XunitException($"timed out after {within.TotalSeconds} s waiting for {what()}");
            }

            await Task.Delay(pollEvery);
        }
    }
}
