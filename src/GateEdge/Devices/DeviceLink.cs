using GateEdge.Devices.Health;

namespace GateEdge.Devices;

/// <summary>What a session reports back to its supervisor: that the device answers, and what it has seen.</summary>
internal sealed class DeviceLink(DeviceCounters counters, Action markOnline)
{
    public DeviceCounters Counters => counters;

    /// <summary>Called once the device has proved it answers.</summary>
    public void MarkOnline() => markOnline();
}
