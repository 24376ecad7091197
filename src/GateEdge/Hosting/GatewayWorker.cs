using GateEdge.Devices;
using GateEdge.Lanes;
using GateEdge.Privacy;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GateEdge.Hosting;

/// <summary>
/// Runs every lane and every device supervisor. Device faults are handled inside their
/// supervisors; anything that escapes is a bug, so it stops the host with a failing exit code
/// (on .NET 10 a crashed BackgroundService would otherwise exit 0) and systemd restarts it.
/// </summary>
internal sealed partial class GatewayWorker(
    IReadOnlyList<LaneCoordinator> lanes,
    IReadOnlyList<DeviceSupervisor> devices,
    PrivacyOptions privacy,
    IHostApplicationLifetime lifetime,
    ILogger<GatewayWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var running = lanes.Select(l => l.RunAsync(stoppingToken))
            .Concat(devices.Select(d => d.RunAsync(stoppingToken)))
            .ToList();
        LogStarted(lanes.Count, devices.Count);
        if (privacy.PublishIdentitiesInClear)
        {
            LogIdentitiesInClear();
        }

        try
        {
            var first = await Task.WhenAny(running).ConfigureAwait(false);
            await first.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            LogFatal(ex);
            Environment.ExitCode = 1;
            lifetime.StopApplication();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "GateEdge running: {Lanes} lanes, {Devices} devices")]
    private partial void LogStarted(int lanes, int devices);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Privacy.PublishIdentitiesInClear is on: every passage event carries the clear ID or card number and full name, to the broker and in the journal. Only for a centre entitled to them (docs/privacy.md)")]
    private partial void LogIdentitiesInClear();

    [LoggerMessage(Level = LogLevel.Critical, Message = "A gateway loop failed; stopping so the service manager restarts GateEdge")]
    private partial void LogFatal(Exception exception);
}
