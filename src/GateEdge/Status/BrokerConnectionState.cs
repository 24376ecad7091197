namespace GateEdge.Status;

/// <summary>What the publisher last knew of the broker, for the status page and metrics.</summary>
internal sealed class BrokerConnectionState(TimeProvider time)
{
    private readonly Lock _lock = new();
    private (bool Connected, DateTimeOffset? Since, string? Problem) _state;
    private (string Detail, long At)? _takenOver;

    /// <summary>How long the status page keeps saying that another box took this gateway's session.</summary>
    public static readonly TimeSpan ClashShownFor = TimeSpan.FromHours(1);

    /// <summary>Raised the first time in a run the broker hands this gateway's session to another client with its id.</summary>
    public event Action<string>? IdentityClashBegan;

    /// <summary>That another box uses this gateway's id, while it was seen within <see cref="ClashShownFor"/>; else null.</summary>
    public string? IdentityClash
    {
        get
        {
            lock (_lock)
            {
                return _takenOver is { } taken && time.GetElapsedTime(taken.At) < ClashShownFor ? taken.Detail : null;
            }
        }
    }

    /// <summary>The broker closed this connection because another client connected with the same id.</summary>
    public void OnTakenOver(string detail)
    {
        bool first;
        lock (_lock)
        {
            first = _takenOver is null;
            _takenOver = (detail, time.GetTimestamp());
        }

        if (first)
        {
            IdentityClashBegan?.Invoke(detail);
        }
    }

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
