using GateEdge.Trust;
using GateEdge.Hosting;
using GateEdge.Journal;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace GateEdge.Tests.Hosting;

public sealed class SystemdWatchdogTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gateedge-watchdog-").FullName;
    private readonly FakeTimeProvider _time = new();
    private readonly RecordingNotifier _notifier = new();
    private readonly JournalOptions _options = new();

    [Fact]
    public async Task Pings_at_half_the_interval_while_the_journal_records_and_stops_when_it_cannot()
    {
        var journal = new EventJournal(Path.Combine(_dir, "journal.db"), 64, _time, NullLogger<EventJournal>.Instance, GatewayKey.Ephemeral());
        using var watchdog = new SystemdWatchdog(_notifier, journal, _options, _time, TimeSpan.FromSeconds(30));
        await watchdog.StartAsync(CancellationToken.None);

        // The loop starts on its own thread: step the clock until its timer exists and fires once.
        while (_notifier.Pings == 0)
        {
            await AdvanceAsync(TimeSpan.FromSeconds(15));
        }

        await AdvanceAsync(TimeSpan.FromSeconds(15));
        await AdvanceAsync(TimeSpan.FromSeconds(15));
        Assert.Equal(3, _notifier.Pings);

        await journal.DisposeAsync();
        await AdvanceAsync(TimeSpan.FromSeconds(15));
        await AdvanceAsync(TimeSpan.FromSeconds(15));
        Assert.InRange(_notifier.Pings, 3, 4);
        await watchdog.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Commits_failing_for_longer_than_the_grace_stop_the_pings_and_a_good_commit_brings_them_back()
    {
        await using var journal = new EventJournal(Path.Combine(_dir, "journal.db"), 64, _time, NullLogger<EventJournal>.Instance, GatewayKey.Ephemeral());
        var watchdog = new SystemdWatchdog(_notifier, journal, _options, _time, TimeSpan.FromSeconds(30));
        Assert.True(watchdog.Alive);

        journal.LimitSize(1);
        await Assert.ThrowsAsync<JournalWriteException>(() => journal.Appender.AppendAsync("t", _ => new byte[64 * 1024]));
        _time.Advance(_options.FailureGrace);
        Assert.True(watchdog.Alive);
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.False(watchdog.Alive);

        journal.LimitSize(0);
        await journal.Appender.AppendAsync("t", _ => "{}"u8.ToArray());
        Assert.True(watchdog.Alive);
    }

    [Fact]
    public async Task Without_a_watchdog_interval_it_never_pings()
    {
        await using var journal = new EventJournal(Path.Combine(_dir, "journal.db"), 64, _time, NullLogger<EventJournal>.Instance, GatewayKey.Ephemeral());
        using var watchdog = new SystemdWatchdog(_notifier, journal, _options, _time, null);
        await watchdog.StartAsync(CancellationToken.None);

        await AdvanceAsync(TimeSpan.FromMinutes(5));

        Assert.Equal(0, _notifier.Pings);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>Moves the fake clock, then gives the woken loop a moment to ping.</summary>
    private async Task AdvanceAsync(TimeSpan by)
    {
        int before = _notifier.Pings;
        _time.Advance(by);
        var deadline = DateTime.UtcNow.AddMilliseconds(500);
        while (_notifier.Pings == before && DateTime.UtcNow < deadline)
        {
            await Task.Yield();
        }
    }

    private sealed class RecordingNotifier : ISystemdNotifier
    {
        private int _pings;

        public bool IsEnabled => true;

        public int Pings => Volatile.Read(ref _pings);

        public void Notify(ServiceState state)
        {
            if (state.ToString() == "WATCHDOG=1")
            {
                Interlocked.Increment(ref _pings);
            }
        }
    }
}
