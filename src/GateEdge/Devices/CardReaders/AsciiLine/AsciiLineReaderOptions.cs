using System.ComponentModel.DataAnnotations;
using GateEdge.Devices.CardReaders.AsciiLine.Protocol;
using GateEdge.Devices.Serial;

namespace GateEdge.Devices.CardReaders.AsciiLine;

/// <summary>A reader that prints each card's UID as a line of text, an entry of <c>Devices:AsciiLineReaders</c>.</summary>
internal sealed class AsciiLineReaderOptions : SerialDeviceOptions
{
    public AsciiLineReaderOptions() => BaudRate = 9600;

    /// <summary><c>Decimal</c> or <c>Hex</c>: how the reader prints the UID (see its manual, or try a card).</summary>
    public UidRadix Radix { get; set; } = UidRadix.Decimal;

    /// <summary><c>CardOrder</c> or <c>Reversed</c>: whether the printed number lists the UID bytes backwards.</summary>
    public UidByteOrder ByteOrder { get; set; } = UidByteOrder.CardOrder;

    /// <summary>UID bytes: 4 for most Mifare cards, 7 for double-size UIDs. Default 4.</summary>
    [Range(1, 8)]
    public int UidLength { get; set; } = 4;

    public UidLineFormat Format => new(Radix, ByteOrder, UidLength);
}
