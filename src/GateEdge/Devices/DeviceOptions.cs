using System.ComponentModel.DataAnnotations;
namespace GateEdge.Devices;

/// <summary>What every device entry in <c>Devices</c> has, whatever it is wired to.</summary>
internal abstract class DeviceOptions
{
    /// <summary>The name lanes use to refer to the device.</summary>
    public string Name { get; set; } = "";

    /// <summary>Replies missed in a row before the device counts as unplugged or hung. Default 3.</summary>
    [Range(1, 100)]
    public int MaxSilentPolls { get; set; } = 3;
}
