namespace GateEdge.Rules;

/// <summary>How R3 judged the temperature of one attempt; recorded with the event.</summary>
internal enum TemperatureStatus
{
    Normal,
    Fever,
    Invalid,
    Missing,
    DeviceUnavailable,

    /// <summary>The person came back before the rest period after a fever reading was over.</summary>
    Resting,
}
