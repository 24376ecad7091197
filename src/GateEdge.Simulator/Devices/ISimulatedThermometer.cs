namespace GateEdge.Simulator.Devices;

/// <summary>A simulated thermometer of any family: the script puts a person in front of it and takes them away.</summary>
internal interface ISimulatedThermometer
{
    /// <summary>A person whose sensor value is <paramref name="celsius"/> steps in front; null when they leave.</summary>
    void SetTarget(decimal? celsius);
}
