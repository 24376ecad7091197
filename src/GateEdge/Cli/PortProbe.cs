using GateEdge.Devices;
using GateEdge.Devices.Bus;
using GateEdge.Devices.Health;
using GateEdge.Devices.Serial;
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
    /// <param name="quietGap">Silence on the line before each bus scan: an RS-485 peripheral can go deaf for seconds after bytes it did not understand.</param>
    /// <param name="scanAll">Ask every OSDP and Modbus address, not only those devices ship at (about 40 s).</param>
    public static async Task<int> RunAsync(string port, TextWriter output, TimeSpan answerWithin, TimeSpan listenFor, CancellationToken cancellationToken,
        TimeSpan? quietGap = null, bool scanAll = false)
    {
        if (!File.Exists(port))
        {
            output.WriteLine($"{port} does not exist; `gateedge devices list` shows the serial ports of this box");
            return 2;
        }

        // Buses first, before any other family's bytes have disturbed their devices: the addresses
        // devices ship at, or with --scan every address.
        var gap = quietGap ?? TimeSpan.FromSeconds(2);
        foreach (var family in Buses())
        {
            var addresses = family.ScanCandidates(port);
            if (await ScanAsync(family, port, scanAll ? addresses : addresses.Take(family.ScanDefaults), gap, output, cancellationToken).ConfigureAwait(false))
            {
                if (!scanAll)
                {
                    output.WriteLine($"a bus may hold more {family.ScanWords.Many} at other addresses: `gateedge devices probe {port} --scan` asks every address");
                }

                return 0;
            }
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
            + $"and for a card reader that speaks only with a card, present one while it listens. {InstalledDocs.Path("devices.md")} lists each family's wiring."
            + (scanAll ? "" : " OSDP readers and Modbus heads were asked at the addresses they ship at; `--scan` asks every address."));
        return 1;
    }

    private static IEnumerable<DeviceFamily> Buses() => DeviceFamilies.All.Where(f => f.ScanCandidates("").Any());

    /// <summary>Asks <paramref name="addresses"/> after a quiet gap; true when any answered, each listed with one snippet for them all.</summary>
    private static async Task<bool> ScanAsync(DeviceFamily family, string port, IEnumerable<SerialDeviceOptions> addresses, TimeSpan gap, TextWriter output, CancellationToken cancellationToken)
    {
        var asked = addresses.ToList();
        output.WriteLine($"asking {(asked.Count > 2 ? $"every address (about {asked.Count / 10} s)" : "the usual address")} for {family.ScanWords.Many}, after {gap.TotalSeconds:0.#} s of quiet on the line…");
        await Task.Delay(gap, cancellationToken).ConfigureAwait(false);
        var found = await BusScan.RunAsync(family, asked, output, cancellationToken).ConfigureAwait(false);
        if (found.Count == 0)
        {
            return false;
        }

        foreach (var device in found)
        {
            output.WriteLine($"found: {family.ScanWords.One} at address {((IBusAddressed)device).BusAddress} at {device.BaudRate} baud");
        }

        output.WriteLine("config snippet for Devices (name each after its lane):");
        var entries = found.Select((d, i) => $"{{ \"Name\": \"{family.ScanWords.SuggestedName.Replace("lane1", $"lane{i + 1}", StringComparison.Ordinal)}\", \"Port\": \"{port}\", \"BaudRate\": {d.BaudRate}, \"Address\": {((IBusAddressed)d).BusAddress} }}");
        output.WriteLine($"  \"{family.Section}\": [ {string.Join(", ", entries)} ]");
        return true;
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
