namespace GateEdge.Tests.Support;

/// <summary>Waits for a condition that real I/O makes true, failing with a message at a deadline.</summary>
internal static class Eventually
{
    public static async Task True(Func<bool> condition, string what, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(10));
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new Xunit.Sdk.XunitException($"timed out waiting until {what}");
            }

            await Task.Delay(20);
        }
    }
}
