namespace GateEdge.Publishing;

/// <summary>The broker connection can no longer deliver; the supervisor reconnects.</summary>
internal sealed class MqttCommunicationLostException(string message) : Exception(message);
