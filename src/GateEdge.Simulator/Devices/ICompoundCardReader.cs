namespace GateEdge.Simulator.Devices;

/// <summary>A simulated compound-card reader: it announces a card held to it, with no read for the script to wait on.</summary>
internal interface ICompoundCardReader
{
    /// <summary>A card (in the reader family's own notation: a UID, a tag, <c>facility/number</c>) comes to the reader.</summary>
    void Present(string card);

    /// <summary>The card is taken away; readers that announce a card once need do nothing.</summary>
    void Remove()
    {
    }
}
