namespace GateEdge.Tests.Support;

/// <summary>Byte vectors written as in docs/protocols.md: <c>"AA 55 …"</c>.</summary>
internal static class Hex
{
    public static byte[] Bytes(string hex) => Convert.FromHexString(hex.Replace(" ", "", StringComparison.Ordinal));

    public static string Of(ReadOnlySpan<byte> bytes) => Convert.ToHexString(bytes);

    /// <summary>The bytes as docs/protocols.md writes them: <c>"FD 00 02 21 DE"</c>.</summary>
    public static string Spaced(ReadOnlySpan<byte> bytes) => string.Join(' ', bytes.ToArray().Select(b => b.ToString("X2")));
}
