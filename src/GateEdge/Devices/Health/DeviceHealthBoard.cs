using System.Collections.Concurrent;

namespace GateEdge.Devices.Health;

/// <summary>
/// Current health of every device, written by device supervisors and read by lanes and
/// the publisher. Subscribers hear only real changes of state; a new reason for the same state is
/// kept quietly.
/// </summary>
internal sealed class DeviceHealthBoard(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, DeviceHealth> _devices = new(StringComparer.Ordinal);

    public event Action<DeviceHealth>? Changed;

    public void Register(string device, DeviceCounters? counters = null) =>
        _devices.TryAdd(device, new DeviceHealth(device, DeviceState.Unknown, "not opened yet", time.GetUtcNow(), counters));

    public DeviceHealth Get(string device) =>
        _devices.TryGetValue(device, out var health) ? health : new DeviceHealth(device, DeviceState.Unknown, "not configured", time.GetUtcNow());

    public IReadOnlyList<DeviceHealth> Snapshot() => [.. _devices.Values.OrderBy(d => d.Device, StringComparer.Ordinal)];

    public void Report(string device, DeviceState state, string? reason)
    {
        var previous = Get(device);
        if (previous.State == state)
        {
            // Still offline, for a new reason (unplugged, then present but silent): keep the news
            // for the next status without announcing a change that is not one.
            if (previous.Reason != reason)
            {
                _devices[device] = previous with { Reason = reason };
            }

            return;
        }

        var health = previous with { State = state, Reason = reason, Since = time.GetUtcNow() };
        _devices[device] = health;
        Changed?.Invoke(health);
    }
}
