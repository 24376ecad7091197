namespace GateEdge.Devices.CardReaders.AsciiLine.Protocol;

/// <summary>How a reader prints a UID on its line (docs/protocols.md §2.2): a per-reader setting, since models differ.</summary>
internal sealed record UidLineFormat(UidRadix Radix, UidByteOrder ByteOrder, int UidLength)
{
    public const int MaxUidLength = 8;
}

internal enum UidRadix
{
    /// <summary>The UID as one decimal number, e.g. <c>0652147431</c>.</summary>
    Decimal,

    /// <summary>The UID as hex digits, two per byte.</summary>
    Hex,
}

internal enum UidByteOrder
{
    /// <summary>The printed number is the UID bytes in card order (first byte most significant).</summary>
    CardOrder,

    /// <summary>The printed number is the UID bytes reversed (first byte least significant), as many 125 kHz/Mifare modules print.</summary>
    Reversed,
}
