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
    public static async Task<int> RunAsync(string configPath, string? device, TimeSpan duration, TextWriter output, CancellationToken cancellationToken)
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
            output.WriteLine(ex.Message);
            return 2;
        }

        var services = new ServiceCollection();
        services.AddSingleton(TimeProvider.System);
        services.AddLogging();
        services.AddSingleton<IDeviceEventSink>(new PrintingSink(output));
        GatewayHost.AddDevices(services, config);
        await using var provider = services.BuildServiceProvider();
        var supervisors = provider.GetRequiredService<IReadOnlyList<DeviceSupervisor>>();
        var probed = supervisors.Where(s => device is null || s.Device == device).ToList();
        if (probed.Count == 0)
        {
            output.WriteLine($"no device is named '{device}' (known: {string.Join(", ", supervisors.Select(s => s.Device))})");
            return 2;
        }

        var health = provider.GetRequiredService<DeviceHealthBoard>();
        bool watching = duration == Timeout.InfiniteTimeSpan;
        if (watching)
        {
            output.WriteLine($"watching {device}; Ctrl-C to stop…");
            health.Changed += h => output.WriteLine($"  {DateTimeOffset.Now:HH:mm:ss} {h.Device} {Wire.Of(h.State)}{(h.Reason is { } why ? $": {why}" : "")}");
        }
        else
        {
            output.WriteLine($"probing {probed.Count} device(s) for {duration.TotalSeconds:0} s…");
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
            output.WriteLine($"{supervisor.Device,-22} {Wire.Of(h.State),-9} frames {c.Frames}, bad {c.BadFrames}, garbage {c.GarbageBytes} B, missed {c.SilentPolls}"
                + (h.Reason is { } reason ? $": {reason}" : ""));
        }

        return probed.All(s => health.Get(s.Device).State == DeviceState.Online) ? 0 : 1;
    }

    /// <summary>What a probed voice module says once it is online.</summary>
    internal const string VoiceTestPhrase = "语音测试，这是闸机的语音播报";

    /// <summary>What the devices read, masked as in the logs; each thermometer's readings only when someone steps up or away.</summary>
    internal sealed class PrintingSink(TextWriter output) : IDeviceEventSink
    {
        private readonly Dictionary<string, bool> _inFront = [];
        private readonly Lock _lock = new();

        public void OnAlarm(DeviceAlarm alarm) => Print($"{alarm.Device}: alarm {alarm.Alarm}: {alarm.Detail}");

        public void OnCardPresented(CardPresented card) =>
            Print($"{card.Device}: {Wire.Of(card.Credential.Kind)} {PersonalDataMask.Credential(card.Credential)}");

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

            Print($"{reading.Device}: {(reading.HasTarget ? "someone in front" : "nobody in front")}, body {reading.BodyC} °C (object {reading.ObjectC}, ambient {reading.AmbientC?.ToString() ?? "—"})");
        }

        public void OnMaskSignal(MaskSignal signal) => Print($"{signal.Device}: {(signal.MaskSeen ? "mask seen" : "no mask")}");

        public void OnGuardKey(GuardKeyPressed key) => Print($"{key.Device}: {key.Key} key");

        private void Print(string line)
        {
            lock (_lock)
            {
                output.WriteLine($"  {line}");
            }
        }
    }
}
