using GateEdge.Common.Messages;
using GateEdge.Configuration;
using GateEdge.Devices.CardReaders;
using GateEdge.Devices.Health;
using GateEdge.Devices.Inputs;
using GateEdge.Devices.Thermometers;
using GateEdge.Devices;
using GateEdge.Events;
using GateEdge.Hosting;
using GateEdge.Privacy;
using Microsoft.Extensions.DependencyInjection;

namespace GateEdge.Cli;

/// <summary>
/// <c>gateedge devices probe</c>: runs the configured devices (or one) exactly as the service would,
/// for a few seconds, prints what they read as it comes, then each one's health, reason and counters.
/// <c>gateedge devices watch NAME</c> is the same for one device until Ctrl-C, with every change of
/// its health printed as it happens. Stop the service first: a port serves one program at a time.
/// </summary>
internal static class DeviceProbe
{
    /// <param name="duration">How long to run; <see cref="Timeout.InfiniteTimeSpan"/> to watch until cancelled.</param>
    public static async Task<int> RunAsync(string configPath, string? device, TimeSpan duration, TextWriter output, CancellationToken cancellationToken,
        Language language = Language.English)
    {
        // Devices and their health report from their own threads.
        output = TextWriter.Synchronized(output);
        GatewayConfiguration config;
        try
        {
            config = ConfigFile.Load(configPath, forService: false);
        }
        catch (GatewayConfigurationException ex)
        {
            output.WriteLine(ex.In(language));
            return 2;
        }

        var services = new ServiceCollection();
        services.AddSingleton(TimeProvider.System);
        services.AddLogging();
        services.AddSingleton<IDeviceEventSink>(new PrintingSink(output, language));
        GatewayHost.AddDevices(services, config);
        await using var provider = services.BuildServiceProvider();
        var supervisors = provider.GetRequiredService<IReadOnlyList<DeviceSupervisor>>();
        var probed = supervisors.Where(s => device is null || s.Device == device).ToList();
        if (probed.Count == 0)
        {
            output.WriteLine(DeviceToolMessages.NoSuchDevice.Say(("device", device), ("known", string.Join(", ", supervisors.Select(s => s.Device)))).In(language));
            return 2;
        }

        var health = provider.GetRequiredService<DeviceHealthBoard>();
        bool watching = duration == Timeout.InfiniteTimeSpan;
        if (watching)
        {
            output.WriteLine(DeviceToolMessages.Watching.Say(("device", device)).In(language));
            health.Changed += h => output.WriteLine($"  {DateTimeOffset.Now:HH:mm:ss} {h.Device} {Wire.Of(h.State)}{(h.Reason is { } why ? $": {why}" : "")}");
        }
        else
        {
            output.WriteLine(DeviceToolMessages.Probing.Say(("count", probed.Count), ("seconds", Math.Round(duration.TotalSeconds))).In(language));
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stop.CancelAfter(duration);
        // A voice module says a test phrase as soon as it is up: the technician hears which lane's speaker it is.
        var speech = provider.GetRequiredService<Devices.Voice.SpeechQueues>();
        foreach (var voice in config.Devices.VoiceModules.Where(v => probed.Any(s => s.Device == v.Name)))
        {
            health.Changed += h =>
            {
                if (h.Device == voice.Name && h.State == DeviceState.Online)
                {
                    speech.Say(voice.Name, VoiceTestPhrase);
                }
            };
        }

        await Task.WhenAll(probed.Select(s => s.RunAsync(stop.Token))).ConfigureAwait(false);

        foreach (var supervisor in probed)
        {
            var h = health.Get(supervisor.Device);
            var c = supervisor.Counters;
            output.WriteLine(DeviceToolMessages.Health.Say(("device", supervisor.Device.PadRight(22)), ("state", Wire.Of(h.State).PadRight(9)), ("frames", c.Frames),
                ("bad", c.BadFrames), ("garbage", c.GarbageBytes), ("missed", c.SilentPolls)).In(language) + (h.Reason is { } reason ? $": {reason}" : ""));
        }

        return probed.All(s => health.Get(s.Device).State == DeviceState.Online) ? 0 : 1;
    }

    /// <summary>What a probed voice module says once it is online.</summary>
    internal const string VoiceTestPhrase = "语音测试，这是闸机的语音播报";

    /// <summary>What the devices read, masked as in the logs; each thermometer's readings only when someone steps up or away.</summary>
    internal sealed class PrintingSink(TextWriter output, Language language = Language.English) : IDeviceEventSink
    {
        private readonly Dictionary<string, bool> _inFront = [];
        private readonly Lock _lock = new();

        public void OnAlarm(DeviceAlarm alarm) => Print(DeviceToolMessages.Alarm.Say(("device", alarm.Device), ("alarm", alarm.Alarm), ("detail", alarm.Detail)));

        public void OnCardPresented(CardPresented card) =>
            Print(Said.Text($"{card.Device}: {Wire.Of(card.Credential.Kind)} {PersonalDataMask.Credential(card.Credential)}"));

        public void OnReading(ThermometerReading reading)
        {
            lock (_lock)
            {
                if (_inFront.TryGetValue(reading.Device, out bool before) && before == reading.HasTarget)
                {
                    return;
                }

                _inFront[reading.Device] = reading.HasTarget;
            }

            Print((reading.HasTarget ? DeviceToolMessages.Someone : DeviceToolMessages.Nobody).Say(("device", reading.Device), ("body", reading.BodyC),
                ("object", reading.ObjectC), ("ambient", reading.AmbientC?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "—")));
        }

        public void OnMaskSignal(MaskSignal signal) => Print((signal.MaskSeen ? DeviceToolMessages.MaskSeen : DeviceToolMessages.NoMask).Say(("device", signal.Device)));

        public void OnGuardKey(GuardKeyPressed key) => Print(DeviceToolMessages.GuardKey.Say(("device", key.Device), ("key", key.Key)));

        private void Print(Said line)
        {
            lock (_lock)
            {
                output.WriteLine($"  {line.In(language)}");
            }
        }
    }
}
