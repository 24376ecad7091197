using GateEdge.Common.Clock;

namespace GateEdge.Tests.Support;

/// <summary>A time service whose state the test sets: synchronised, not, or unknown.</summary>
internal sealed class SettableClockSynchronisation(bool? synchronised = true) : IClockSynchronisation
{
    public bool? Synchronised { get; set; } = synchronised;

    public bool? IsSynchronised() => Synchronised;

    /// <summary>A witness on <paramref name="time"/> with a synchronised clock, in a boot of its own.</summary>
    public static ClockWitness Witness(TimeProvider time) => new(new SettableClockSynchronisation(), "7d2c0c3e-4c1a-4b89-9a55-0a6c3e2f9b10", time);
}
