namespace GateEdge.Devices.Thermometers.SerialIr.Protocol;

/// <summary>
/// Serial IR module framing (docs/protocols.md §3.2): module frames are
/// <c>5A 5A 45 04 TOh TOl TAh TAl SUM</c>, SUM the low byte of the sum of bytes 0–7;
/// host commands are <c>A5 cmd sum</c>.
/// </summary>
internal static class GyProtocol
{
    public static ReadOnlySpan<byte> Header => [0x5A, 0x5A];
    public const byte TemperatureType = 0x45;
    public const byte TemperatureDataLength = 0x04;
    public const int FrameLength = 9;

    /// <summary>Where each field of a module frame starts.</summary>
    public const int TypeOffset = 2, DataLengthOffset = 3, ObjectOffset = 4, AmbientOffset = 6, SumOffset = 8;

    public static readonly byte[] ContinuousOutput = Command(0x45);
    public static readonly byte[] SingleQuery = Command(0x15);

    public static byte Sum(ReadOnlySpan<byte> span)
    {
        byte sum = 0;
        foreach (byte b in span)
        {
            sum += b;
        }

        return sum;
    }

    private static byte[] Command(byte cmd) => [0xA5, cmd, (byte)(0xA5 + cmd)];
}
