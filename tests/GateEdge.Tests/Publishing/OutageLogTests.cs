using GateEdge.Publishing;
using Microsoft.Extensions.Time.Testing;

namespace GateEdge.Tests.Publishing;

/// <summary>An hour without the broker is a handful of warnings: its start, each new reason, one every ten minutes.</summary>
public sealed class OutageLogTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly OutageLog _log;

    public OutageLogTests() => _log = new OutageLog(_time, TimeSpan.FromMinutes(10));

    [Fact]
    public void An_hour_of_retries_every_five_seconds_warns_six_times()
    {
        int warnings = 0;
        for (int attempt = 0; attempt < 720; attempt++)
        {
            warnings += _log.Failed("connection refused").Warn ? 1 : 0;
            _time.Advance(TimeSpan.FromSeconds(5));
        }

        Assert.Equal(6, warnings);
        Assert.Equal((720, TimeSpan.FromHours(1)), _log.Connected());
    }

    [Fact]
    public void A_new_reason_is_told_at_once_and_a_new_outage_starts_afresh()
    {
        Assert.True(_log.Failed("connection refused").Warn);
        Assert.False(_log.Failed("connection refused").Warn);
        Assert.True(_log.Failed("the broker refused the connection: NotAuthorized").Warn);

        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal((3, TimeSpan.FromSeconds(30)), _log.Connected());
        Assert.Null(_log.Connected());
        Assert.Equal((true, 1, TimeSpan.Zero), _log.Failed("connection refused"));
    }
}
