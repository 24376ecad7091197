using System.Threading.Channels;
using GateEdge.Devices;
using GateEdge.Devices.Framing;
using GateEdge.Devices.Health;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace GateEdge.Tests.Devices;

/// <summary>The supervisor's state machine, driven by a scripted session on a fake clock.</summary>
public sealed class DeviceSupervisorTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 28, 8, 0, 0, TimeSpan.Zero));
    private readonly DeviceHealthBoard _health;
    private readonly Channel<DeviceHealth> _changes = Channel.CreateUnbounded<DeviceHealth>();
    private readonly CancellationTokenSource _stop = new();

    public DeviceSupervisorTests()
    {
        _health = new DeviceHealthBoard(_time);
        _health.Changed += h => _changes.Writer.TryWrite(h);
    }

    [Fact]
    public async Task A_device_sending_bad_frames_is_degraded_until_the_faults_age_out()
    {
        var session = new ScriptedSession(_time);
        var supervisor = new DeviceSupervisor(session, _health, _time, NullLogger<DeviceSupervisor>.Instance);
        var running = supervisor.RunAsync(_stop.Token);
        var (link, _) = await session.Connected.Reader.ReadAsync();
        link.MarkOnline();
        Assert.Equal(DeviceState.Online, (await NextChangeAsync()).State);

        var faultAt = _time.GetUtcNow();
        link.Counters.CountDiscard(DiscardReason.BadChecksum, 9);
        var degraded = await NextChangeAsync();
        Assert.Equal((DeviceState.Degraded, "a frame failed its checksum"), (degraded.State, degraded.Reason));
        Assert.True(_health.Get("thermo").IsAvailable, "a degraded device still feeds its lane");

        link.Counters.CountFrame();
        var recovered = await NextChangeAsync();
        Assert.Equal(DeviceState.Online, recovered.State);
        Assert.True(recovered.Since - faultAt >= supervisor.DegradedWindow, "online again only once the fault aged out");
        Assert.Equal((1, 1), (supervisor.Counters.Frames, supervisor.Counters.BadFrames));
        await StopAsync(running);
    }

    [Fact]
    public async Task A_failed_session_is_offline_with_its_reason_and_reconnected_with_backoff()
    {
        var session = new ScriptedSession(_time);
        var supervisor = new DeviceSupervisor(session, _health, _time, NullLogger<DeviceSupervisor>.Instance);
        var running = supervisor.RunAsync(_stop.Token);
        var first = await session.Connected.Reader.ReadAsync();
        first.Link.MarkOnline();
        await NextChangeAsync();

        session.Fail(new DeviceTimeoutException("no reply within 300 ms"));

        // Reported without any timer: waiting must not move the clock, or the backoff would pass unseen.
        var offline = await _changes.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal((DeviceState.Offline, "no reply within 300 ms"), (offline.State, offline.Reason));

        // Step the fake clock 10 ms at a time: the reconnect comes no earlier than the first backoff, 100 ms
        // (a few steps later on a busy machine, as the reconnect is seen only when the test looks).
        var reconnected = await NextConnectionAsync(session);
        Assert.InRange(reconnected.At - offline.Since, TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(300));
        reconnected.Link.MarkOnline();
        Assert.Equal(DeviceState.Online, (await NextChangeAsync()).State);
        Assert.Equal(1, supervisor.Counters.Disconnects);
        await StopAsync(running);
    }

    [Fact]
    public async Task Only_a_lost_working_connection_counts_as_a_disconnect_not_each_failed_reopen()
    {
        var session = new ScriptedSession(_time);
        var supervisor = new DeviceSupervisor(session, _health, _time, NullLogger<DeviceSupervisor>.Instance);
        var running = supervisor.RunAsync(_stop.Token);

        for (int attempt = 0; attempt < 3; attempt++)
        {
            var (_, _) = attempt == 0 ? await session.Connected.Reader.ReadAsync() : await NextConnectionAsync(session);
            session.Fail(new DeviceDisconnectedException("/dev/test does not exist"));
        }

        var working = await NextConnectionAsync(session);
        working.Link.MarkOnline();
        session.Fail(new DeviceDisconnectedException("/dev/test was unplugged"));
        await NextConnectionAsync(session);

        Assert.Equal(1, supervisor.Counters.Disconnects);
        await StopAsync(running);
    }

    public void Dispose() => _stop.Dispose();

    /// <summary>Steps the fake clock a second at a time until the board reports a change.</summary>
    private Task<DeviceHealth> NextChangeAsync() => StepUntilAsync(_changes.Reader, TimeSpan.FromSeconds(1), "no health change within 60 fake seconds");

    /// <summary>Steps the fake clock 10 ms at a time until the supervisor connects again.</summary>
    private Task<(DeviceLink Link, DateTimeOffset At)> NextConnectionAsync(ScriptedSession session) =>
        StepUntilAsync(session.Connected.Reader, TimeSpan.FromMilliseconds(10), "no reconnect within 60 fake steps");

    /// <summary>
    /// Reads the next item, moving the fake clock by <paramref name="step"/> whenever nothing has come
    /// within 50 ms of real time: the loop under test runs on its own threads, so it needs real time to react.
    /// </summary>
    private async Task<T> StepUntilAsync<T>(ChannelReader<T> reader, TimeSpan step, string failure)
    {
        for (int i = 0; i < 60; i++)
        {
            if (reader.TryRead(out var item))
            {
                return item;
            }

            var next = reader.WaitToReadAsync().AsTask();
            if (await Task.WhenAny(next, Task.Delay(50)) != next)
            {
                _time.Advance(step);
            }
        }

        throw new Xunit.Sdk.XunitException(failure);
    }

    private async Task StopAsync(Task running)
    {
        await _stop.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(5));
    }

    /// <summary>Hands each connection's link to the test and runs until the test fails it or the supervisor cancels.</summary>
    private sealed class ScriptedSession(TimeProvider time) : IDeviceSession
    {
        private TaskCompletionSource _failure = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Each connection's link, with the (fake) time it was made.</summary>
        public Channel<(DeviceLink Link, DateTimeOffset At)> Connected { get; } = Channel.CreateUnbounded<(DeviceLink, DateTimeOffset)>();

        public string Device => "thermo";

        public string Address => "/dev/test";

        public void Fail(DeviceException reason) => _failure.TrySetException(reason);

        public async Task RunAsync(DeviceLink link, CancellationToken cancellationToken)
        {
            _failure = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Connected.Writer.TryWrite((link, time.GetUtcNow()));
            await _failure.Task.WaitAsync(cancellationToken);
        }
    }
}
