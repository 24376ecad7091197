using System.Security.Cryptography;

namespace GateEdge.Evidence;

/// <summary>
/// The hash chain over a gateway's events (docs/mqtt.md, "The chain"): each event's body carries
/// <c>prev</c>, the lowercase hex SHA-256 of the previous event's body exactly as published (the
/// bytes after the signature line); the first event of a gateway has 64 zeros. So the chain covers
/// exactly what the centre receives, and changing, removing or reordering one event breaks the link
/// of the next. Pure, so the gateway and the centre compute it with the same few lines.
/// </summary>
internal static class EventChain
{
    public const int HashBytes = 32;

    public static string Genesis { get; } = new('0', HashBytes * 2);

    public static byte[] Hash(ReadOnlySpan<byte> body) => SHA256.HashData(body);

    public static string Hex(ReadOnlySpan<byte> hash) => Convert.ToHexStringLower(hash);

    /// <summary>A chain value as written (64 lowercase hex digits) back to its hash; false for anything else.</summary>
    public static bool TryParse(string? hex, out byte[] hash)
    {
        hash = [];
        if (hex is not { Length: HashBytes * 2 } || !hex.All(char.IsAsciiHexDigitLower))
        {
            return false;
        }

        hash = Convert.FromHexString(hex);
        return true;
    }
}
