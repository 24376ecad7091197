using GateEdge.Devices;
using GateEdge.Devices.Health;
using GateEdge.Devices.Serial;
using Microsoft.Extensions.DependencyInjection;

namespace GateEdge.Cli;

/// <summary>
/// Asks every address of an addressed family on a port, with the very sessions the service runs,
/// all on one bus: each address is polled once with a short timeout and dropped when silent, so
/// the scan takes about the timeout per address; every address that answered is listed.
/// </summary>
internal static class BusScan
{
    public static async Task<IReadOnlyList<SerialDeviceOptions>> RunAsync(DeviceFamily family, IReadOnlyList<SerialDeviceOptions> addresses, TextWriter output, CancellationToken cancellationToken)
    {
        var services = new ServiceCollection();
        services.AddSingleton(TimeProvider.System);
        services.AddLogging();
        services.AddSingleton<IDeviceEventSink>(new DeviceProbe.PrintingSink(output));
        await using var provider = services.BuildServiceProvider();
        var deviceServices = new DeviceServices(provider);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var found = new List<SerialDeviceOptions>();
        var asked = addresses.Select(options =>
        {
            var session = family.CreateSession(options, deviceServices);
            var link = new DeviceLink(new DeviceCounters(TimeProvider.System), () =>
            {
                lock (found)
                {
                    found.Add(options);
                }
            });
            return (Options: options, Run: session.RunAsync(link, stop.Token).ContinueWith(_ => { }, TaskScheduler.Default));
        }).ToList();

        // Done once every address has either answered or gone silent.
        while (!cancellationToken.IsCancellationRequested && asked.Any(a => !a.Run.IsCompleted && !Answered(a.Options)))
        {
            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }

        await stop.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(asked.Select(a => a.Run)).ConfigureAwait(false);
        lock (found)
        {
            return [.. found.OrderBy(o => asked.FindIndex(a => a.Options == o))];
        }

        bool Answered(SerialDeviceOptions options)
        {
            lock (found)
            {
                return found.Contains(options);
            }
        }
    }
}
