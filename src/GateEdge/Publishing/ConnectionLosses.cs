using GateEdge.Status;
using Microsoft.Extensions.Logging;

namespace GateEdge.Publishing;

/// <summary>
/// What the gateway says when its broker connection ends and comes back: on the status page, in
/// the log (the first failure of an outage, a new reason, then every 10 minutes; the outage summed
/// up on return), and as an identity clash when the broker keeps closing connections it just
/// accepted (another box with this gateway's id).
/// </summary>
internal sealed partial class ConnectionLosses(MqttOptions options, string gatewayId, BrokerConnectionState broker, TimeProvider time, ILogger logger)
{
    private readonly OutageLog _outage = new(time, TimeSpan.FromMinutes(10));
    private readonly TakeoverWatch _takeover = new();

    public void Connected(long backlog)
    {
        LogConnected(options.Host, options.Port, backlog);
        if (_outage.Connected() is { } outage)
        {
            LogOutageOver(outage.For.TotalSeconds, outage.Attempts);
        }
    }

    /// <param name="connectedAt">When the broker accepted the connection that ended; null when it never did.</param>
    /// <param name="closedByBroker">The broker closed it, not a failure of ours.</param>
    /// <param name="takenOver">The broker's DISCONNECT said "session taken over".</param>
    public void Lost(string problem, long? connectedAt, bool closedByBroker, bool takenOver, TimeSpan retryIn)
    {
        if (connectedAt is null)
        {
            _takeover.ConnectFailed();
        }
        else if (closedByBroker && _takeover.Closed(time.GetElapsedTime(connectedAt.Value), takenOver))
        {
            problem = $"another box uses gateway id {gatewayId}: the broker keeps handing this gateway's session to another client with the same id; give each box its own Gateway.Id (an SD-card image copied to a second box keeps the first one's)";
            LogTakenOver(problem);
            broker.OnTakenOver(problem);
        }

        broker.OnLost(problem);
        var (warn, attempts, lasting) = _outage.Failed(problem);
        if (warn)
        {
            LogConnectionLost(options.Host, options.Port, problem, retryIn.TotalSeconds, attempts, lasting.TotalMinutes);
        }
        else
        {
            LogConnectionStillLost(options.Host, options.Port, problem);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Connected to the broker at {Host}:{Port}; {Backlog} events waiting")]
    private partial void LogConnected(string host, int port, long backlog);

    [LoggerMessage(Level = LogLevel.Information, Message = "The broker had been unavailable for {Seconds:0} s ({Attempts} attempts)")]
    private partial void LogOutageOver(double seconds, int attempts);

    [LoggerMessage(Level = LogLevel.Error, Message = "Broker connection taken over: {Problem}")]
    private partial void LogTakenOver(string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Broker {Host}:{Port} unavailable ({Reason}); retrying in about {Seconds} s, decisions continue locally (attempt {Attempts}, {Minutes:0} min so far; said again every 10 min while it lasts)")]
    private partial void LogConnectionLost(string host, int port, string reason, double seconds, int attempts, double minutes);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Broker {Host}:{Port} still unavailable ({Reason})")]
    private partial void LogConnectionStillLost(string host, int port, string reason);
}
