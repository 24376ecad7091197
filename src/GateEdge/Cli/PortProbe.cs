using GateEdge.Common.Messages;
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
        TimeSpan? quietGap = null, bool scanAll = false, Language language = Language.English)
    {
        void Say(Message message, params (string Name, object? Value)[] values) => output.WriteLine(message.Say(values).In(language));

        if (!File.Exists(port))
        {
            Say(DeviceToolMessages.PortMissing, ("port", port));
            return 2;
        }

        // Buses first, before any other family's bytes have disturbed their devices: the addresses
        // devices ship at, or with --scan every address.
        var gap = quietGap ?? TimeSpan.FromSeconds(2);
        foreach (var family in Buses())
        {
            var addresses = family.ScanCandidates(port);
            if (await ScanAsync(family, port, scanAll ? addresses : addresses.Take(family.ScanDefaults), gap, output, language, cancellationToken).ConfigureAwait(false))
            {
                if (!scanAll)
                {
                    Say(DeviceToolMessages.MoreOnBus, ("devices", family.ScanWords.Many), ("port", port));
                }

                return 0;
            }
        }

        foreach (var candidate in DeviceFamilies.All.SelectMany(f => f.ProbeCandidates(port)))
        {
            if (candidate.SpeaksOnlyWithACard)
            {
                Say(DeviceToolMessages.Listening, ("device", candidate.Description), ("baud", candidate.Options.BaudRate), ("seconds", Math.Round(listenFor.TotalSeconds)));
            }
            else
            {
                Say(DeviceToolMessages.Trying, ("device", candidate.Description), ("baud", candidate.Options.BaudRate));
            }

            var (counters, wentOnline) = await TryAsync(candidate, output, candidate.SpeaksOnlyWithACard ? listenFor : answerWithin, cancellationToken).ConfigureAwait(false);
            if (counters.Frames > 0 && counters.Frames > counters.BadFrames && (wentOnline || candidate.SpeaksOnlyWithACard))
            {
                Say(DeviceToolMessages.Found, ("device", candidate.Description), ("baud", candidate.Options.BaudRate), ("good", counters.Frames), ("bad", counters.BadFrames));
                Say(DeviceToolMessages.Snippet);
                output.WriteLine($"  \"{candidate.Family.Section}\": [ {{ \"Name\": \"{candidate.SuggestedName}\", \"Port\": \"{port}\", \"BaudRate\": {candidate.Options.BaudRate}{candidate.Snippet} }} ]");
                return 0;
            }
        }

        output.WriteLine(DeviceToolMessages.NothingAnswered.Say(("guide", InstalledDocs.Path("devices.md"))).In(language)
            + (scanAll ? "" : DeviceToolMessages.ScanHint.Say().In(language)));
        return 1;
    }

    private static IEnumerable<DeviceFamily> Buses() => DeviceFamilies.All.Where(f => f.ScanCandidates("").Any());

    /// <summary>Asks <paramref name="addresses"/> after a quiet gap; true when any answered, each listed with one snippet for them all.</summary>
    private static async Task<bool> ScanAsync(DeviceFamily family, string port, IEnumerable<SerialDeviceOptions> addresses, TimeSpan gap, TextWriter output, Language language,
        CancellationToken cancellationToken)
    {
        var asked = addresses.ToList();
        var which = asked.Count > 2 ? DeviceToolMessages.EveryAddress.Say(("seconds", asked.Count / 10)) : DeviceToolMessages.UsualAddress.Say();
        output.WriteLine(DeviceToolMessages.Asking.Say(("which", which), ("devices", family.ScanWords.Many), ("gap", Math.Round(gap.TotalSeconds, 1))).In(language));
        await Task.Delay(gap, cancellationToken).ConfigureAwait(false);
        var found = await BusScan.RunAsync(family, asked, output, cancellationToken).ConfigureAwait(false);
        if (found.Count == 0)
        {
            return false;
        }

        foreach (var device in found)
        {
            output.WriteLine(DeviceToolMessages.FoundAt.Say(("device", family.ScanWords.One), ("address", ((IBusAddressed)device).BusAddress), ("baud", device.BaudRate)).In(language));
        }

        output.WriteLine(DeviceToolMessages.Snippets.Say().In(language));
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
