namespace GateEdge.Simulator.Faults;

/// <summary>A simulated device with a tamper switch the <c>tamper</c> fault opens: an OSDP reader's housing, the gateway's enclosure.</summary>
internal interface ITamperable
{
    bool Tampered { get; set; }
}
