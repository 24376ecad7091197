using System.Collections.Concurrent;
using GateEdge.Devices.Health;
using GateEdge.Devices.Voice;
using GateEdge.Simulator.Devices;
using GateEdge.Simulator.Faults;
using GateEdge.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace GateEdge.Tests.Devices.OverPty;

/// <summary>
/// The voice module's session against the simulated SYN6288 on a real pty: prompts are spoken in
/// order with the golden frames, a new prompt interrupts the one being spoken, and a module that
/// is stuck busy or unplugged is a device fault like any other, while saying never waits.
/// </summary>
[Collection(TimingSensitive.Name)]
public sealed class VoiceModuleOverPtyTests : DeviceBench
{
    private readonly ConcurrentQueue<DeviceHealth> _changes = new();
    private SimulatedLine _line = null!;
    private SimulatedVoiceModule _module = null!;
    private SpeechQueues _speech = null!;

    public override async Task InitializeAsync()
    {
        Health.Changed += _changes.Enqueue;
        _line = Own(SimulatedLine.Create(Path.Combine(Dir, "voice")));
        _module = new SimulatedVoiceModule("voice", _line) { CharacterTime = TimeSpan.FromMilliseconds(50) };
        Run(_module.RunAsync(Stop.Token));
        _speech = new SpeechQueues(TimeProvider.System);
        var options = new VoiceModuleOptions { Name = "voice", Port = _line.LinkPath, ReplyTimeout = TimeSpan.FromMilliseconds(300), StatusInterval = TimeSpan.FromSeconds(1),
            MaxPromptAge = TimeSpan.FromMilliseconds(500) };
        Supervise(options, new VoiceModuleSession(options, _speech.For("voice"), NullLogger<VoiceModuleSession>.Instance), degradedWindow: TimeSpan.FromSeconds(1));
        await Eventually.True(() => State == DeviceState.Online, "the voice module is online after answering its status query");
    }

    [Fact]
    public async Task Prompts_are_spoken_in_order_with_the_golden_frames()
    {
        _speech.Say("voice", "你好");
        await Eventually.True(() => _module.Said.Count == 1, "the first prompt is spoken");
        _speech.Say("voice", "体温正常，请通行");
        await Eventually.True(() => _module.Said.Count == 2, "the second prompt is spoken");

        Assert.Equal(["你好", "体温正常，请通行"], _module.Said.Select(u => u.Text));
        Assert.Equal("FD 00 07 01 00 C4 E3 BA C3 A5", Hex.Spaced(_module.Said[0].Frame));
        Assert.Equal("FD 00 13 01 00 CC E5 CE C2 D5 FD B3 A3 A3 AC C7 EB CD A8 D0 D0 B4", Hex.Spaced(_module.Said[1].Frame));
    }

    [Fact]
    public async Task A_new_prompt_interrupts_the_one_being_spoken()
    {
        _module.CharacterTime = TimeSpan.FromSeconds(2);
        _speech.Say("voice", "请刷卡或身份证");
        await Eventually.True(() => _module.Said.Count == 1, "the first prompt is being spoken");
        _speech.Say("voice", "请佩戴口罩");
        await Eventually.True(() => _module.Said.Count == 2, "the second prompt is spoken");

        Assert.True(_module.Said[1].Interrupted);
        Assert.Equal(DeviceState.Online, State);
    }

    [Fact]
    public async Task A_module_stuck_busy_is_told_to_stop_then_degrades_and_recovers()
    {
        _module.StuckBusy = true;
        _speech.Say("voice", "请重新测温");
        await Eventually.True(() => State == DeviceState.Degraded, "a module that stays busy degrades");
        Assert.Contains("stayed busy", Health.Get("voice").Reason, StringComparison.Ordinal);
        Assert.Empty(_module.Said);

        _module.StuckBusy = false;
        _speech.Say("voice", "请重新测温");
        await Eventually.True(() => _module.Said.Count == 1, "the module speaks again");
        await Eventually.True(() => State == DeviceState.Online, "and is online again");
    }

    [Fact]
    public async Task An_unplugged_module_goes_offline_saying_never_waits_and_stale_prompts_are_not_said_on_return()
    {
        _line.Unplug();
        await Eventually.True(() => State == DeviceState.Offline, "the unplugged module is offline");
        for (int i = 0; i < 1000; i++)
        {
            _speech.Say("voice", "体温正常，请通行");
        }

        // Twice MaxPromptAge passes while the module is away: those prompts are no longer true.
        await Task.Delay(TimeSpan.FromSeconds(1));
        _line.Replug();
        await Eventually.True(() => State == DeviceState.Online, "the replugged module is back");
        Assert.Empty(_module.Said);

        _speech.Say("voice", "请佩戴口罩");
        await Eventually.True(() => _module.Said.Count == 1, "a new prompt is spoken");
        Assert.Equal("请佩戴口罩", _module.Said[0].Text);
    }

    private DeviceState State => Health.Get("voice").State;
}
