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
}
