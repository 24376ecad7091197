namespace GateEdge.Rules;

internal enum Direction
{
    In,
    Out,
}
