using GateEdge.Rules;
using Microsoft.Extensions.Logging;

namespace GateEdge.Outputs;

/// <summary>Stands in for relay and lamp drivers on a gateway without GPIO outputs: it logs each command.</summary>
internal sealed partial class LoggingGateOutputs(ILogger<LoggingGateOutputs> logger) : IGateOutputs
{
    public Task<RelayResult> SignalAsync(string lane, Outcome outcome, CancellationToken cancellationToken)
    {
        if (outcome != Outcome.Allow)
        {
            return Task.FromResult(RelayResult.Shut);
        }

        LogRelayPulse(lane);
        return Task.FromResult(RelayResult.NoRelay);
    }

    public Task SignalFaultAsync(string lane, CancellationToken cancellationToken)
    {
        LogFault(lane);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Lane {Lane}: gate opens (no relay output is wired; Outputs.Driver is log)")]
    private partial void LogRelayPulse(string lane);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lane {Lane}: fault lamp, gate stays shut")]
    private partial void LogFault(string lane);
}
