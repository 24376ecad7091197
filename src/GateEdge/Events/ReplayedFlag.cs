namespace GateEdge.Events;

/// <summary>
/// Every published event ends with <c>replayed</c>: true when it was recorded before the connection
/// that carries it (a backlog after an outage or a restart). Only the publisher knows it, when it
/// sends, so the journal stores events without it and it is added here. The stored event is the
/// compact JSON object GateEdge serialized, so the flag goes in before its closing brace and the
/// rest is sent byte for byte, unparsed: a backlog of a million events is sent this way.
/// </summary>
internal static class ReplayedFlag
{
    private static ReadOnlySpan<byte> Whitespace => " \t\r\n"u8;

    public static byte[] Add(ReadOnlySpan<byte> stored, bool replayed)
    {
        var body = stored.TrimEnd(Whitespace);
        if (body.Length < 2 || body[^1] != (byte)'}' || body.TrimStart(Whitespace)[0] != (byte)'{')
        {
            throw new FormatException("a stored event is not a JSON object");
        }

        var open = body[..^1];
        ReadOnlySpan<byte> flag = replayed ? ",\"replayed\":true}"u8 : ",\"replayed\":false}"u8;
        if (open.TrimEnd(Whitespace)[^1] == (byte)'{')
        {
            flag = flag[1..];
        }

        var sent = new byte[open.Length + flag.Length];
        open.CopyTo(sent);
        flag.CopyTo(sent.AsSpan(open.Length));
        return sent;
    }
}
