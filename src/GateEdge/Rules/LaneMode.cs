namespace GateEdge.Rules;

internal enum LaneMode
{
    /// <summary>The gateway decides alone.</summary>
    Unattended,

    /// <summary>A guard is at the lane; referred attempts wait for the guard's decision.</summary>
    Attended,
}
