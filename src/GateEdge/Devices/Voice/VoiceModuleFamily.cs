using GateEdge.Devices.Serial;

namespace GateEdge.Devices.Voice;

/// <summary>Chinese speech modules of the SYN6288 family on a serial port (docs/protocols.md §6), speaking the lanes' prompts.</summary>
internal static class VoiceModuleFamily
{
    public static readonly DeviceFamily<VoiceModuleOptions> Family = new("voice-module", DeviceRole.Voice, DeviceWiring.Serial, d => d.VoiceModules,
        (o, s) => SerialDeviceConnection.For(o, new VoiceModuleSession(o, s.Speech.For(o.Name), s.Logger<VoiceModuleSession>()), s.Time))
    {
        Probes = port => [new(Family!, "a SYN6288-family speech module", "lane1-voice", new VoiceModuleOptions { Name = "probe", Port = port })],
    };
}
