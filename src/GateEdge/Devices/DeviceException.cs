namespace GateEdge.Devices;

/// <summary>
/// The one exception family for communication faults. Expected outcomes (no card, a reading
/// out of range) are values, never exceptions; these mean the session must be torn down.
/// </summary>
internal abstract class DeviceException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The port went away: unplugged, closed under us, or the stream ended.</summary>
internal sealed class DeviceDisconnectedException(string message, Exception? inner = null) : DeviceException(message, inner);

/// <summary>The device stopped answering within its reply timeout.</summary>
internal sealed class DeviceTimeoutException(string message) : DeviceException(message);

/// <summary>The device answered, but not as its protocol says it should.</summary>
internal sealed class DeviceProtocolException(string message) : DeviceException(message);
