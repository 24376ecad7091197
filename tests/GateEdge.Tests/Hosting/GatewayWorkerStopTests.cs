using GateEdge.Configuration;
using GateEdge.Devices;
using GateEdge.Devices.CardReaders;
using GateEdge.Devices.Health;
using GateEdge.Hosting;
using GateEdge.Lanes;
using GateEdge.Privacy;
using GateEdge.Rules;
using GateEdge.TestSupport;
using GateEdge.Tests.Support;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace GateEdge.Tests.Hosting;

/// <summary>At a stop the lanes answer what they hold, even when a device never notices the stop.</summary>
public sealed class GatewayWorkerStopTests
{
    private static readonly Credential Zhang = OneResidentLane.Zhang;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 7, 8, 0, 0, TimeSpan.Zero));
    private readonly RecordingRecorder _recorder = new();
    private readonly KeptLog _log = new();

    [Fact]
    public async Task A_thermometer_stuck_in_a_system_call_delays_the_lanes_answer_by_the_wait_and_no_longer()
    {
        var health = new DeviceHealthBoard(_time);
        var laneOptions = OneResidentLane.Options();
        var lane = OneResidentLane.Build(_time, health, _recorder, laneOptions);
        var stuck = new DeviceSupervisor(new StuckSession(), health, _time, NullLogger<DeviceSupervisor>.Instance);
        using var worker = new GatewayWorker([lane], [stuck], health, new PrivacyOptions(), new GatewayConfiguration { Lanes = [laneOptions] }, _time,
            new ApplicationLifetime(NullLogger<ApplicationLifetime>.Instance), _log);

        await worker.StartAsync(CancellationToken.None);
        // The worker runs on its own: the stuck thermometer is running once the board knows it.
        await Eventually.True(() => health.Snapshot().Any(d => d.Device == "thermometer"), "the thermometer running");
        // A card is read while the thermometer has never answered: it waits for its reading.
        Assert.True(lane.Post(new LaneInput.Card(new CardPresented("reader", Zhang, null, _time.GetUtcNow()))));
        var stopping = worker.StopAsync(CancellationToken.None);

        // Once the worker waits for its devices, the fake clock decides: not a tick before the wait is over, and no longer.
        await Eventually.True(() => _log.Lines.Any(l => l.Contains("waiting up to 3 s for the devices", StringComparison.Ordinal)), "the worker waiting for its devices");
        _time.Advance(GatewayWorker.DevicesStopWait - TimeSpan.FromMilliseconds(1));
        Assert.False(stopping.IsCompleted, "the lanes wait for the devices until the wait is over");
        _time.Advance(TimeSpan.FromMilliseconds(1));
        await stopping.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(worker.ExecuteTask!.IsCompletedSuccessfully, worker.ExecuteTask.Exception?.ToString());
        var attempt = Assert.Single(_recorder.Recorded).Attempt;
        Assert.Equal(Outcome.Retest, attempt.Decision.Outcome);
        Assert.Contains(ReasonCode.NoReading, attempt.Decision.Codes);
        Assert.Contains(_log.Lines, l => l.Contains("A device had not stopped 3 s after the stop", StringComparison.Ordinal));
    }

    /// <summary>What the worker logged, kept for the test.</summary>
    private sealed class KeptLog : Microsoft.Extensions.Logging.ILogger<GatewayWorker>
    {
        public System.Collections.Concurrent.ConcurrentQueue<string> Lines { get; } = new();

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;

        public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Enqueue($"{logLevel}: {formatter(state, exception)} {exception}");
    }

    /// <summary>A device blocked in a system call: it never sees the stop.</summary>
    private sealed class StuckSession : IDeviceSession
    {
        public string Device => "thermometer";

        public string Address => "/dev/ttyUSB9";

        public Task RunAsync(DeviceLink link, CancellationToken cancellationToken) => new TaskCompletionSource().Task;
    }
}
