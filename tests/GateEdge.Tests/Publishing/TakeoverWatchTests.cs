using GateEdge.Publishing;

namespace GateEdge.Tests.Publishing;

/// <summary>Connections the broker closes moments after they open, again and again, are another box with this id; one such close is not.</summary>
public sealed class TakeoverWatchTests
{
    [Fact]
    public void Three_quick_closes_in_a_row_are_a_clash_and_a_connection_that_held_starts_the_count_again()
    {
        var watch = new TakeoverWatch();
        Assert.False(watch.Closed(TimeSpan.FromSeconds(1), saidTakenOver: false));
        Assert.False(watch.Closed(TimeSpan.FromSeconds(2), saidTakenOver: false));
        Assert.False(watch.Closed(TimeSpan.FromMinutes(5), saidTakenOver: false));
        Assert.False(watch.Closed(TimeSpan.FromSeconds(1), saidTakenOver: false));
        Assert.False(watch.Closed(TimeSpan.FromSeconds(1), saidTakenOver: false));
        Assert.True(watch.Closed(TimeSpan.FromSeconds(1), saidTakenOver: false));
    }

    [Fact]
    public void A_broker_restarting_between_quick_closes_is_no_clash()
    {
        var watch = new TakeoverWatch();
        for (int restart = 0; restart < 10; restart++)
        {
            Assert.False(watch.Closed(TimeSpan.FromSeconds(4), saidTakenOver: false));
            Assert.False(watch.Closed(TimeSpan.FromSeconds(4), saidTakenOver: false));
            watch.ConnectFailed();
        }
    }

    [Fact]
    public void A_broker_that_says_the_session_was_taken_over_is_believed_at_once()
    {
        Assert.True(new TakeoverWatch().Closed(TimeSpan.FromHours(1), saidTakenOver: true));
    }
}
