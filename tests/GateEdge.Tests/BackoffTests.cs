using GateEdge.Common;

namespace GateEdge.Tests;

public sealed class BackoffTests
{
    [Fact]
    public void Waits_double_up_to_the_cap_and_a_success_starts_again_from_the_first()
    {
        var backoff = new Backoff(TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(500));

        var waits = Enumerable.Range(0, 5).Select(_ => backoff.NextWait().TotalMilliseconds).ToArray();
        backoff.Reset();

        Assert.Equal([100, 200, 400, 500, 500], waits);
        Assert.Equal(100, backoff.NextWait().TotalMilliseconds);
    }

    [Fact]
    public void With_jitter_each_wait_is_between_half_and_all_of_its_step()
    {
        var backoff = new Backoff(TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(5), jitter: true);

        for (int i = 0; i < 200; i++)
        {
            var step = backoff.Step;
            var wait = backoff.NextWait();
            Assert.InRange(wait, step / 2, step);
        }

        Assert.Equal(TimeSpan.FromSeconds(5), backoff.Step);
    }
}
