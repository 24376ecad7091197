using GateEdge.Common;
using GateEdge.Devices.Health;
using Microsoft.Extensions.Logging;

namespace GateEdge.Devices;

/// <summary>
/// Keeps one device in service: connect, run its session, and when it fails report it offline
/// with the reason and reconnect with capped backoff. While it runs, a device that recently sent
/// bad frames, garbage or missed replies is reported degraded. A failing device never stops
/// anything else.
/// </summary>
internal sealed partial class DeviceSupervisor(
    IDeviceSession session,
    DeviceHealthBoard health,
    TimeProvider time,
    ILogger<DeviceSupervisor> logger)
{
    private static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(100);

    // A replugged device must be back within 2 s of reappearing; retrying a missing port costs a stat().
    private static readonly TimeSpan MaxDelay = TimeSpan.FromMilliseconds(500);

    /// <summary>A fault this recent makes an answering device degraded.</summary>
    public TimeSpan DegradedWindow { get; init; } = TimeSpan.FromSeconds(10);

    private readonly DeviceCounters _counters = new(time);

    public string Device => session.Device;

    public DeviceCounters Counters => _counters;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var backoff = new Backoff(FirstDelay, MaxDelay);
        health.Register(Device, _counters);
        while (!cancellationToken.IsCancellationRequested)
        {
            using var connected = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            Task watch = Task.CompletedTask;
            bool wasOnline = false;
            try
            {
                var link = new DeviceLink(_counters, () =>
                {
                    wasOnline = true;
                    backoff.Reset();
                    health.Report(Device, DeviceState.Online, null);
                    LogOnline(Device, session.Address);
                    watch = WatchAsync(connected.Token);
                });
                await session.RunAsync(link, connected.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (DeviceException ex)
            {
                // A lost working connection; a device that never answered (unplugged, wrong port) is not "disconnected" again at every retry.
                if (wasOnline)
                {
                    _counters.CountDisconnect();
                }

                if (health.Get(Device).State != DeviceState.Offline)
                {
                    LogOffline(Device, session.Address, ex.Message);
                }

                health.Report(Device, DeviceState.Offline, ex.Message);
            }
            finally
            {
                await connected.CancelAsync().ConfigureAwait(false);
                await watch.ConfigureAwait(false);
            }

            try
            {
                await Task.Delay(backoff.NextWait(), time, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>
    /// While connected, moves the device to degraded at a fault and back to online once
    /// <see cref="DegradedWindow"/> has passed without one. Faults of an earlier connection do not
    /// count: a reconnected device starts clean. It waits for the next fault, not on a timer, so a
    /// device at rest costs nothing here.
    /// </summary>
    private async Task WatchAsync(CancellationToken cancellationToken)
    {
        var nextFault = _counters.NextFault;
        try
        {
            while (true)
            {
                await nextFault.WaitAsync(cancellationToken).ConfigureAwait(false);
                if (health.Get(Device).State == DeviceState.Online)
                {
                    LogDegraded(Device, _counters.LastFault);
                    health.Report(Device, DeviceState.Degraded, _counters.LastFault);
                }

                // Read before the quiet is measured: a fault right after the measure is not missed.
                nextFault = _counters.NextFault;
                for (var left = DegradedWindow - _counters.SinceLastFault; left > TimeSpan.Zero; left = DegradedWindow - _counters.SinceLastFault)
                {
                    await Task.Delay(left, time, cancellationToken).ConfigureAwait(false);
                    nextFault = _counters.NextFault;
                }

                if (health.Get(Device).State == DeviceState.Degraded)
                {
                    LogOnline(Device, session.Address);
                    health.Report(Device, DeviceState.Online, null);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Device {Device} online on {Address}")]
    private partial void LogOnline(string device, string address);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Device {Device} degraded: {Fault}")]
    private partial void LogDegraded(string device, string? fault);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Device {Device} on {Address} offline: {Reason}")]
    private partial void LogOffline(string device, string address, string reason);
}
