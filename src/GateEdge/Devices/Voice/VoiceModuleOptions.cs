using System.ComponentModel.DataAnnotations;
using GateEdge.Common;
using GateEdge.Devices.Serial;
using GateEdge.Devices.Voice.Protocol;

namespace GateEdge.Devices.Voice;

/// <summary>A SYN6288-family speech module, an entry of <c>Devices:VoiceModules</c>.</summary>
internal sealed class VoiceModuleOptions : SerialDeviceOptions
{
    public VoiceModuleOptions() => BaudRate = 9600;

    /// <summary>How the module reads text: <c>Gb2312</c> (the default), <c>Gbk</c>, <c>Big5</c> or <c>Unicode</c>.</summary>
    public SpeechEncoding Encoding { get; set; } = SpeechEncoding.Gb2312;

    /// <summary>Loudness 0–16 (the module's <c>[v]</c> mark); unset keeps the module's own.</summary>
    [Range(0, 16)]
    public int? Volume { get; set; }

    /// <summary>Speaking rate 0–5 (the module's <c>[t]</c> mark); unset keeps the module's own.</summary>
    [Range(0, 5)]
    public int? Speed { get; set; }

    /// <summary>Wait for the module's answer to a frame. Default 500 ms.</summary>
    [DurationRange("00:00:00.05", "00:00:05")]
    public TimeSpan ReplyTimeout { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>With nothing to say, how often the module is asked whether it is there. Default 30 s.</summary>
    [DurationRange("00:00:01", "00:10:00")]
    public TimeSpan StatusInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A prompt not yet spoken after this long (the module was away) is dropped, not said late. Default 3 s.</summary>
    [DurationRange("00:00:00.5", "00:01:00")]
    public TimeSpan MaxPromptAge { get; set; } = TimeSpan.FromSeconds(3);
}
