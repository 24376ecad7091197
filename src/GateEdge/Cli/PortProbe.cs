using GateEdge.Devices;
using GateEdge.Devices.Health;
using GateEdge.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace GateEdge.Cli;

/// <summary>
/// <c>gateedge devices probe PORT</c>: finds out what is on an unlabelled serial port. Each
/// supported family is run in turn with the very session the service would run, so the probe
/// only ever sends what that family's driver sends in service: read-only queries, no writes
/// to a device's settings. Families that answer a query are tried first; readers that speak
/// only when a card is in the field are listened to last, while the technician presents a card.
/// A family that is queried counts as found only once its session went online, as the service
/// would see it: a stray byte that happens to look like a one-byte answer is no device.
/// </summary>
internal static class PortProbe
{
    public static async Task<int> RunAsync(string port, TextWriter output, TimeSpan answerWithin, TimeSpan listenFor, CancellationToken cancellationToken)
    {
        if (!File.Exists(port))
        {
            output.WriteLine($"{port} does not exist; `gateedge devices list` shows the serial ports of this box");
            return 2;
        }

        foreach (var candidate in DeviceFamilies.All.SelectMany(f => f.ProbeCandidates(port)))
        {
            output.WriteLine(candidate.SpeaksOnlyWithACard
                ? $"listening for {candidate.Description} at {candidate.Options.BaudRate} baud for {listenFor.TotalSeconds:0} s: present a card to the reader now…"
                : $"trying {candidate.Description} at {candidate.Options.BaudRate} baud…");
            var (counters, wentOnline) = await TryAsync(candidate, output, candidate.SpeaksOnlyWithACard ? listenFor : answerWithin, cancellationToken).ConfigureAwait(false);
            if (counters.Frames > 0 && counters.Frames > counters.BadFrames && (wentOnline || candidate.SpeaksOnlyWithACard))
            {
                output.WriteLine($"found: {candidate.Description} at {candidate.Options.BaudRate} baud ({counters.Frames} good frames, {counters.BadFrames} bad)");
                output.WriteLine("config snippet for Devices (name it after its lane):");
                output.WriteLine($"  \"{candidate.Family.Section}\": [ {{ \"Name\": \"{candidate.SuggestedName}\", \"Port\": \"{port}\", \"BaudRate\": {candidate.Options.BaudRate}{candidate.Snippet} }} ]");
                return 0;
            }
        }

        output.WriteLine("nothing answered. Check the reader's power, that TX and RX are crossed (adapter TX to device RX), "
            + "and for a card reader that speaks only with a card, present one while it listens. docs/devices.md lists each family's wiring.");
        return 1;
    }

    private static async Task<(DeviceCounters Counters, bool WentOnline)> TryAsync(ProbeCandidate candidate, TextWriter output, TimeSpan duration, CancellationToken cancellationToken)
    {
        var services = new ServiceCollection();
        services.AddSingleton(TimeProvider.System);
        services.AddLogging();
        services.AddSingleton<DeviceHealthBoard>();
        services.AddSingleton<Devices.Voice.SpeechQueues>();
        services.AddSingleton<IDeviceEventSink>(new DeviceProbe.PrintingSink(output));
        await using var provider = services.BuildServiceProvider();
        bool wentOnline = false;
        provider.GetRequiredService<DeviceHealthBoard>().Changed += h => wentOnline |= h.State == DeviceState.Online;
        var supervisor = GatewayHost.Supervise(provider, candidate.Family.CreateSession(candidate.Options, new DeviceServices(provider)));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stop.CancelAfter(duration);
        await supervisor.RunAsync(stop.Token).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return (supervisor.Counters, wentOnline);
    }
}
