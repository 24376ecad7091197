namespace GateEdge.Devices.CardReaders.Rdm6300.Protocol;

/// <summary>A 125 kHz tag read by an RDM6300-style reader: its five bytes, as upper-case hex.</summary>
internal sealed record Rdm6300Frame(string Tag);
