namespace GateEdge.Rules;

internal enum TemperatureSource
{
    /// <summary>A reading with a target was paired with the card inside the window.</summary>
    Reading,

    /// <summary>The window closed without a reading.</summary>
    NoReading,

    /// <summary>The lane's thermometer is offline or has not answered yet.</summary>
    DeviceUnavailable,
}
