using GateEdge.Events;

namespace GateEdge.Tests.Events;

public sealed class HeartbeatTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 28, 8, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(3600, 3600, 0)]
    [InlineData(3600 + 86_400, 3600, 86_400)]
    [InlineData(3600 - 90.5, 3600, -90.5)]
    public void The_clock_step_is_how_far_the_wall_clock_moved_beyond_the_monotonic_clock(double wallSeconds, double uptimeSeconds, double step) =>
        Assert.Equal(step, Heartbeat.ClockStep(Start, Start.AddSeconds(wallSeconds), TimeSpan.FromSeconds(uptimeSeconds)));
}
