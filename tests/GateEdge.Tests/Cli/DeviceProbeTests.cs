using GateEdge.Cli;
using GateEdge.Simulator.Devices;
using GateEdge.Simulator.Faults;
using GateEdge.Tests.Support;

namespace GateEdge.Tests.Cli;

/// <summary><c>gateedge devices probe</c> against a simulated thermometer and voice module on ptys and a reader that is not plugged in.</summary>
public sealed class DeviceProbeTests : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gateedge-probe-").FullName;
    private readonly CancellationTokenSource _stop = new();
    private SimulatedLine _line = null!;
    private SimulatedLine _voiceLine = null!;
    private SimulatedVoiceModule _voice = null!;
    private Task _thermometer = Task.CompletedTask;
    private Task _speaker = Task.CompletedTask;

    private string ConfigPath => Path.Combine(_dir, "gateedge.json");

    public Task InitializeAsync()
    {
        _line = SimulatedLine.Create(Path.Combine(_dir, "thermo"));
        var thermometer = new SimulatedIrThermometer("thermo", _line);
        thermometer.SetTarget(36.6m);
        _thermometer = thermometer.RunAsync(_stop.Token);
        _voiceLine = SimulatedLine.Create(Path.Combine(_dir, "voice"));
        _voice = new SimulatedVoiceModule("voice", _voiceLine);
        _speaker = _voice.RunAsync(_stop.Token);
        File.WriteAllText(ConfigPath, $$"""
            {
              "Gateway": { "Id": "gw-1", "CompoundId": "c-1", "GateId": "north" },
              "Mqtt": { "Host": "127.0.0.1" },
              "Devices": {
                "IdCardReaders": [ { "Name": "reader", "Port": "{{_dir}}/not-plugged-in" } ],
                "SerialIrThermometers": [ { "Name": "thermo", "Port": "{{_line.LinkPath}}" } ],
                "VoiceModules": [ { "Name": "voice", "Port": "{{_voiceLine.LinkPath}}" } ]
              },
              "Lanes": [ { "Id": "lane1", "CardReaders": [ "reader" ], "Thermometer": "thermo" } ],
              "Rules": { "MaskRequired": false }
            }
            """);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Each_device_is_run_as_the_service_would_and_reported_with_its_health_and_counters()
    {
        var output = new StringWriter();

        int exit = await DeviceProbe.RunAsync(ConfigPath, null, TimeSpan.FromSeconds(2), output, CancellationToken.None);

        var text = output.ToString();
        Assert.Equal(1, exit);
        Assert.Contains("thermo: someone in front, body 36.6 °C (object 36.6, ambient 25)", text, StringComparison.Ordinal);
        Assert.Matches(@"thermo +online +frames [1-9]\d*, bad 0", text);
        Assert.Matches(@"reader +offline .*not-plugged-in does not exist", text);
    }

    [Fact]
    public async Task One_device_can_be_probed_alone_and_an_unknown_name_lists_the_known_ones()
    {
        var alone = new StringWriter();
        var unknown = new StringWriter();

        // The exit code of a probe is Each_device_is_run…'s subject; here, that only the named device ran. (In this
        // test process a reply now and then waits on the thread pool past its 300 ms: "degraded" is then the truth.)
        await DeviceProbe.RunAsync(ConfigPath, "thermo", TimeSpan.FromSeconds(1), alone, CancellationToken.None);
        Assert.Equal(2, await DeviceProbe.RunAsync(ConfigPath, "therm", TimeSpan.FromSeconds(1), unknown, CancellationToken.None));

        Assert.Matches(@"thermo +(online|degraded) +frames [1-9]", alone.ToString());
        Assert.DoesNotContain("reader", alone.ToString(), StringComparison.Ordinal);
        Assert.Contains("no device is named 'therm' (known: reader, thermo, voice)", unknown.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_probe_speaks_the_technicians_language()
    {
        var output = new StringWriter();

        await DeviceProbe.RunAsync(ConfigPath, "thermo", TimeSpan.FromSeconds(1), output, CancellationToken.None, GateEdge.Common.Messages.Language.Chinese);

        var text = output.ToString();
        Assert.Contains("正在探测 1 台设备，共 1 秒…", text, StringComparison.Ordinal);
        Assert.Contains("thermo：前方有人，体温 36.6 °C（目标 36.6，环境 25）", text, StringComparison.Ordinal);
        Assert.Matches(@"thermo +(online|degraded) +帧 [1-9]\d*，错误 0", text);
    }

    [Fact]
    public async Task A_probed_voice_module_says_the_test_phrase_so_the_technician_hears_which_speaker_it_is()
    {
        var output = new StringWriter();

        Assert.Equal(0, await DeviceProbe.RunAsync(ConfigPath, "voice", TimeSpan.FromSeconds(3), output, CancellationToken.None));

        // The frame went out before the probe ended; the simulated module may still be reading it.
        await Eventually.True(() => _voice.Said.Count > 0, "the module spoke");
        Assert.Equal([DeviceProbe.VoiceTestPhrase], _voice.Said.Select(u => u.Text));
        Assert.Matches(@"voice +online", output.ToString());
    }

    [Fact]
    public async Task Watching_a_device_prints_its_readings_and_each_health_change_until_stopped()
    {
        var output = new StringWriter();
        // The synchronized writer locks itself on every write (MethodImplOptions.Synchronized): reading under the same lock never meets a half-appended line.
        var synchronized = TextWriter.Synchronized(output);
        using var stop = new CancellationTokenSource();
        string Text() { lock (synchronized) { return output.ToString(); } }

        var watching = DeviceProbe.RunAsync(ConfigPath, "thermo", Timeout.InfiniteTimeSpan, synchronized, stop.Token);
        await Eventually.True(() => Text().Contains("thermo: someone in front", StringComparison.Ordinal), "a reading");
        _line.Unplug();
        await Eventually.True(() => Text().Contains("thermo offline", StringComparison.Ordinal), "the unplug");
        _line.Replug();
        await Eventually.True(() => System.Text.RegularExpressions.Regex.Matches(Text(), @"thermo online").Count >= 2, "back online");
        await stop.CancelAsync();

        Assert.Equal(0, await watching.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.StartsWith("watching thermo; Ctrl-C to stop", Text(), StringComparison.Ordinal);
        Assert.DoesNotContain("reader", Text(), StringComparison.Ordinal);
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        await _line.DisposeAsync();
        await _voiceLine.DisposeAsync();
        await _thermometer.ContinueWith(_ => { }, TaskScheduler.Default);
        await _speaker.ContinueWith(_ => { }, TaskScheduler.Default);
        _stop.Dispose();
        Directory.Delete(_dir, recursive: true);
    }
}
