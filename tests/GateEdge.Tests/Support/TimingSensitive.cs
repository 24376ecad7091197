namespace GateEdge.Tests.Support;

/// <summary>
/// Tests that measure real reply timeouts over ptys run alone, after the parallel ones: on two cores
/// a parallel CPU-bound test can delay a 200 ms reply past its deadline and fail them for no fault of theirs.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimingSensitive
{
    public const string Name = "timing-sensitive";
}
