namespace GateEdge.Devices.CardReaders.IdCard.Protocol;

/// <summary>A checked reply from the SAM module: its status word and the data that followed.</summary>
internal sealed record SamResponse(SamStatus Status, byte[] Data)
{
    public override string ToString() => $"SW3={(byte)Status:X2} ({Status}), {Data.Length} data bytes";
}
