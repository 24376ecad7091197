using GateEdge.Configuration;
using GateEdge.Devices;
using GateEdge.Devices.Health;
using GateEdge.Lanes;
using GateEdge.Privacy;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GateEdge.Hosting;

/// <summary>
/// Runs every lane and every device supervisor. Device faults are handled inside their
/// supervisors; anything that escapes is a bug: it is logged with the lane or device it came
/// from, the host stops with exit code 1, and systemd restarts it. At a stop the devices end first,
/// then the lanes, so a read that reached a lane is answered and recorded before the gateway exits.
/// Thermometers and inputs start first and card readers once those have been tried (or after
/// <see cref="StartupWindow"/>): a card lying on a reader at start is never decided against a
/// thermometer or mask detector that simply has not opened yet.
/// </summary>
internal sealed partial class GatewayWorker(
    IReadOnlyList<LaneCoordinator> lanes,
    IReadOnlyList<DeviceSupervisor> devices,
    DeviceHealthBoard health,
    PrivacyOptions privacy,
    GatewayConfiguration config,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    ILogger<GatewayWorker> logger) : BackgroundService
{
    /// <summary>The longest card readers wait for the other devices' first try at start.</summary>
    internal static readonly TimeSpan StartupWindow = TimeSpan.FromSeconds(3);

    /// <summary>The longest the lanes wait at a stop for their devices to end before answering what they hold.</summary>
    internal static readonly TimeSpan DevicesStopWait = TimeSpan.FromSeconds(3);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Lanes stop after the devices they read: once none can post a read, each lane answers what it
        // holds; the voice modules stop last, so that answer can still be spoken.
        using var lanesStopping = new CancellationTokenSource();
        using var speakersStopping = new CancellationTokenSource();
        var readerNames = lanes.SelectMany(l => l.Lane.CardReaders).ToHashSet(StringComparer.Ordinal);
        var speakerNames = lanes.Select(l => l.Lane.Voice).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var others = devices.Where(d => !readerNames.Contains(d.Device) && !speakerNames.Contains(d.Device)).ToList();
        var laneRuns = lanes.Select(l => l.RunAsync(lanesStopping.Token)).ToList();
        var speakerRuns = devices.Where(d => speakerNames.Contains(d.Device)).Select(d => d.RunAsync(speakersStopping.Token)).ToList();
        var deviceRuns = others.Select(d => d.RunAsync(stoppingToken)).ToList();
        try
        {
            await TriedAsync(others, stoppingToken).ConfigureAwait(false);
            deviceRuns.AddRange(devices.Where(d => readerNames.Contains(d.Device)).Select(d => d.RunAsync(stoppingToken)));
            LogStarted(lanes.Count, devices.Count);
            if (privacy.PublishIdentitiesInClear)
            {
                LogIdentitiesInClear();
            }

            foreach (var warning in ConfigWarnings.Of(config))
            {
                LogConfigWarning(warning.ToString());
            }

            // Until a loop ends (a bug) or the stop comes, even if no device loop notices it.
            var first = await Task.WhenAny(laneRuns.Concat(deviceRuns).Concat(speakerRuns).Append(Task.Delay(Timeout.InfiniteTimeSpan, time, stoppingToken))).ConfigureAwait(false);
            await first.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await DevicesStoppedAsync(deviceRuns).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            LogFatal(ex);
            Environment.ExitCode = 1;
            lifetime.StopApplication();
        }
        finally
        {
            // A loop that failed was logged as the fatal one.
            await lanesStopping.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(laneRuns.Where(r => !r.IsFaulted).Select(Settled)).ConfigureAwait(false);
            await speakersStopping.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(speakerRuns.Where(r => !r.IsFaulted).Select(Settled)).ConfigureAwait(false);
        }
    }

    /// <summary>A device stops in milliseconds; one stuck in a system call must not keep the lanes from answering.</summary>
    private async Task DevicesStoppedAsync(IEnumerable<Task> deviceRuns)
    {
        var stopped = Task.WhenAll(deviceRuns.Select(Settled));
        var waited = stopped.WaitAsync(DevicesStopWait, time, CancellationToken.None);
        if (!stopped.IsCompleted)
        {
            LogWaitingForDevices(DevicesStopWait.TotalSeconds);
        }

        try
        {
            await waited.ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            LogDevicesStillStopping(DevicesStopWait.TotalSeconds);
        }
    }

    /// <summary>A loop's end at a stop: cancelled is how it should end; anything else is logged, the stop goes on.</summary>
    private async Task Settled(Task run)
    {
        try
        {
            await run.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception ex)
        {
            LogFailedAtStop(ex);
        }
    }

    /// <summary>Completes once every device has reported online or offline, or after <see cref="StartupWindow"/>.</summary>
    private async Task TriedAsync(IReadOnlyList<DeviceSupervisor> started, CancellationToken stoppingToken)
    {
        var tried = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        bool AllTried() => started.All(d => health.Get(d.Device).State != DeviceState.Unknown);
        void Check(DeviceHealth changed)
        {
            if (AllTried())
            {
                tried.TrySetResult();
            }
        }

        health.Changed += Check;
        try
        {
            if (!AllTried())
            {
                await tried.Task.WaitAsync(StartupWindow, time, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (TimeoutException)
        {
            // A device still trying after the window: the readers start anyway; the lane waits its pairing window.
        }
        finally
        {
            health.Changed -= Check;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "GateEdge running: {Lanes} lanes, {Devices} devices")]
    private partial void LogStarted(int lanes, int devices);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Privacy.PublishIdentitiesInClear is on: every passage event carries the clear ID or card number and full name, to the broker and in the journal. Only for a centre entitled to them (docs/privacy.md)")]
    private partial void LogIdentitiesInClear();

    /// <summary>What <c>config check</c> warns of, for a technician who reads the log instead.</summary>
    [LoggerMessage(Level = LogLevel.Warning, Message = "Configuration: {Warning}")]
    private partial void LogConfigWarning(string warning);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Stopping: waiting up to {Seconds} s for the devices to stop")]
    private partial void LogWaitingForDevices(double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A device had not stopped {Seconds} s after the stop; the lanes answer what they hold without waiting for it")]
    private partial void LogDevicesStillStopping(double seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "A gateway loop failed while stopping")]
    private partial void LogFailedAtStop(Exception exception);

    [LoggerMessage(Level = LogLevel.Critical, Message = "A gateway loop failed; stopping so the service manager restarts GateEdge")]
    private partial void LogFatal(Exception exception);
}
