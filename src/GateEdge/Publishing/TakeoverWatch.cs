namespace GateEdge.Publishing;

/// <summary>
/// Tells when another box uses this gateway's id. A broker gives a client id's session to the
/// newest connection and closes the older one: two boxes with one id (an SD-card image copied to a
/// second box) close each other's connections moments after they open, over and over. An MQTT 5
/// broker may say so (reason "session taken over"); many just close the socket, so
/// <see cref="InARow"/> connections closed by the broker within <see cref="Quick"/> of opening count too,
/// each reopened at the first try: a broker restarting refuses a connection in between, a twin never does.
/// </summary>
internal sealed class TakeoverWatch
{
    /// <summary>A connection the broker closes sooner than this after it opened is suspect.</summary>
    public static readonly TimeSpan Quick = TimeSpan.FromSeconds(10);

    /// <summary>How many suspect closes in a row make a clash.</summary>
    public const int InARow = 3;

    private int _quick;

    /// <summary>A connection could not be opened: the broker is away, not taken by a twin.</summary>
    public void ConnectFailed() => _quick = 0;

    /// <summary>The broker closed a connection that lasted <paramref name="lasted"/>; true when that makes a clash.</summary>
    /// <param name="saidTakenOver">The broker's DISCONNECT said "session taken over".</param>
    public bool Closed(TimeSpan lasted, bool saidTakenOver)
    {
        _quick = lasted < Quick ? _quick + 1 : 0;
        return saidTakenOver || _quick >= InARow;
    }
}
