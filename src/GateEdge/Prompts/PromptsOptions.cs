using GateEdge.Common;

namespace GateEdge.Prompts;

/// <summary>Bound from <c>Prompts</c>: what the lanes tell people, by voice and on their display page (docs/lane-prompts.md).</summary>
internal sealed class PromptsOptions
{
    /// <summary><c>zh-CN</c> (the default) or <c>en</c>; a lane may choose its own (<c>Lanes[].Language</c>).</summary>
    public string Language { get; set; } = "zh-CN";

    /// <summary>Show the person's family name, the rest starred, on the lane page. Off by default: a lane display is public.</summary>
    public bool ShowMaskedName { get; set; }

    /// <summary>How long the lane page shows a decision before it asks for the next card. Default 6 s, 1–60 s.</summary>
    [DurationRange("00:00:01", "00:01:00")]
    public TimeSpan HoldTime { get; set; } = TimeSpan.FromSeconds(6);
}
