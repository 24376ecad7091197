using GateEdge.Devices.Health;

namespace GateEdge.Devices;

/// <summary>What a session reports back to its supervisor: that the device answers, and what it has seen.</summary>
internal sealed class DeviceLink(DeviceCounters counters, Action markOnline)
{
    private int _online;

    public DeviceCounters Counters => counters;

    /// <summary>The device has proved it answers. Sessions call it on every good reply; only the first counts.</summary>
    public void MarkOnline()
    {
        if (Interlocked.Exchange(ref _online, 1) == 0)
        {
            markOnline();
        }
    }
}
