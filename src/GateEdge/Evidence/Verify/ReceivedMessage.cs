namespace GateEdge.Evidence.Verify;

/// <summary>One message as the centre received it: its topic and its payload's bytes.</summary>
internal sealed record ReceivedMessage(string Topic, byte[] Payload);
