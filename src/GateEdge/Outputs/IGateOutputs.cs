using GateEdge.Rules;

namespace GateEdge.Outputs;

/// <summary>The relay and lamps of the lanes. Called only after the attempt's event is durable.</summary>
internal interface IGateOutputs
{
    /// <summary>Opens the gate for an <c>allow</c>, signals any other outcome; says what the relay did.</summary>
    Task<RelayResult> SignalAsync(string lane, Outcome outcome, CancellationToken cancellationToken);

    /// <summary>The attempt could not be recorded: the gate stays shut and the lane shows a fault.</summary>
    Task SignalFaultAsync(string lane, CancellationToken cancellationToken);
}
