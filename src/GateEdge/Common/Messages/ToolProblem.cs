namespace GateEdge.Common.Messages;

/// <summary>A verb that cannot do what was asked, with what to do, in the reader's language.</summary>
internal sealed class ToolProblem(Said said) : InvalidOperationException(said.ToString())
{
    public Said Said => said;
}
