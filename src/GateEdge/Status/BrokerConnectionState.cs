namespace GateEdge.Status;

/// <summary>What the publisher last knew of the broker, for the status page and metrics.</summary>
internal sealed class BrokerConnectionState(TimeProvider time)
{
    private readonly Lock _lock = new();
    private (bool Connected, DateTimeOffset? Since, string? Problem) _state;

    public (bool Connected, DateTimeOffset? Since, string? Problem) Current
    {
        get
        {
            lock (_lock)
            {
                return _state;
            }
        }
    }

    public void OnConnected()
    {
        lock (_lock)
        {
            _state = (true, time.GetUtcNow(), null);
        }
    }

    public void OnLost(string problem)
    {
        lock (_lock)
        {
            _state = (false, _state.Connected ? time.GetUtcNow() : _state.Since ?? time.GetUtcNow(), problem);
        }
    }
}
