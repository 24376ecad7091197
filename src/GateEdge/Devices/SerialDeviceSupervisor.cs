using GateEdge.Devices.Health;
using GateEdge.Devices.Serial;
using Microsoft.Extensions.Logging;

namespace GateEdge.Devices;

/// <summary>
/// Keeps one serial device in service: open, run its session, and when it fails report it
/// offline with the reason and reopen with capped backoff. A failing device never stops
/// anything else.
/// </summary>
internal sealed partial class SerialDeviceSupervisor(
    string port,
    int baudRate,
    ISerialDeviceSession session,
    DeviceHealthBoard health,
    TimeProvider time,
    ILogger<SerialDeviceSupervisor> logger)
{
    private static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(100);

    // A replugged device must be back within 2 s of reappearing.
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(1);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var delay = FirstDelay;
        health.Register(session.Device);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                using var connection = SerialPortOpener.Open(port, baudRate);
                await session.RunAsync(connection.Stream, () =>
                {
                    delay = FirstDelay;
                    health.Report(session.Device, DeviceState.Online, null);
                    LogOnline(session.Device, port);
                }, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (DeviceException ex)
            {
                if (health.Get(session.Device).State != DeviceState.Offline)
                {
                    LogOffline(session.Device, port, ex.Message);
                }

                health.Report(session.Device, DeviceState.Offline, ex.Message);
            }

            try
            {
                await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxDelay.Ticks));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Device {Device} online on {Port}")]
    private partial void LogOnline(string device, string port);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Device {Device} on {Port} offline: {Reason}")]
    private partial void LogOffline(string device, string port, string reason);
}
