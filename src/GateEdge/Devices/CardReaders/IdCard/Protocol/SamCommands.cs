namespace GateEdge.Devices.CardReaders.IdCard.Protocol;

/// <summary>The host commands GateEdge sends to an ID-card reader (docs/protocols.md §1, "Commands").</summary>
internal static class SamCommands
{
    public static readonly byte[] SamStatus = SamFrame.Command(0x11, 0xFF);
    public static readonly byte[] FindCard = SamFrame.Command(0x20, 0x01);
    public static readonly byte[] SelectCard = SamFrame.Command(0x20, 0x02);
    public static readonly byte[] ReadTextAndPhoto = SamFrame.Command(0x30, 0x01);
    public static readonly byte[] ReadTextPhotoAndFingerprint = SamFrame.Command(0x30, 0x10);
}
