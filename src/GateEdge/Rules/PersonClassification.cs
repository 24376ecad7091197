namespace GateEdge.Rules;

internal enum PersonClassification
{
    Unknown,
    Resident,
    Staff,
    Visitor,
}
