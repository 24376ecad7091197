namespace GateEdge.Commands;

/// <summary>Remembers nonces for as long as a signed command could still be accepted, so none is accepted twice.</summary>
internal sealed class ReplayGuard(TimeSpan memory)
{
    private readonly Dictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);

    public bool FirstUse(string nonce, DateTimeOffset now)
    {
        foreach (var (old, at) in _seen)
        {
            if (now - at > memory)
            {
                _seen.Remove(old);
            }
        }

        return _seen.TryAdd(nonce, now);
    }
}
