using GateEdge.Prompts;
using GateEdge.Rules;

namespace GateEdge.Lanes;

/// <summary>One lane of the gate, bound from <c>Lanes[i]</c>; devices are named, not opened, here.</summary>
internal sealed class LaneOptions
{
    public string Id { get; set; } = "";

    public Direction Direction { get; set; } = Direction.In;

    public LaneMode Mode { get; set; } = LaneMode.Unattended;

    /// <summary>Names of the card readers a person may present a card at.</summary>
    public List<string> CardReaders { get; set; } = [];

    /// <summary>Name of the lane's thermometer (R3).</summary>
    public string Thermometer { get; set; } = "";

    /// <summary>Name of the lane's mask detector (R4), if it has one.</summary>
    public string? MaskDetector { get; set; }

    /// <summary>Name of the guard's keypad at this lane, if it has one.</summary>
    public string? GuardKeypad { get; set; }

    /// <summary>Name of the voice module that speaks the lane's prompts, if it has one.</summary>
    public string? Voice { get; set; }

    /// <summary>Serve the lane's display page, <c>/lane/{Id}</c>. Default true.</summary>
    public bool Display { get; set; } = true;

    /// <summary>The language of the lane's prompts, <c>zh-CN</c> or <c>en</c>; default <c>Prompts.Language</c>.</summary>
    public string? Language { get; set; }

    /// <summary>The lane as its prompts see it.</summary>
    public PromptedLane Prompted() => new(Id, Language, Voice);

    /// <summary>Every device the lane binds, for the health it records with each attempt.</summary>
    public IEnumerable<string> Devices => CardReaders.Append(Thermometer).Concat(new[] { MaskDetector, GuardKeypad, Voice }.OfType<string>());
}
