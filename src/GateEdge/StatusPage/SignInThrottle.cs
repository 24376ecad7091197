using System.Collections.Concurrent;
using System.Net;
using GateEdge.Configuration;
using GateEdge.Status;

namespace GateEdge.StatusPage;

/// <summary>
/// Limits wrong tokens per address: after <see cref="MaxFailures"/> within a minute, that address
/// waits out the rest of the minute before a token from it is looked at again. Guessing a token of
/// the required strength is then hopeless; a technician who mistypes waits a minute at worst.
/// Bounded: beyond <see cref="MaxAddresses"/> the oldest records are dropped.
/// </summary>
internal sealed class SignInThrottle(TimeProvider time)
{
    public const int MaxFailures = 10;
    public const int MaxAddresses = 4096;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<IPAddress, (DateTimeOffset Since, int Count)> _failures = new();

    /// <summary>How long <paramref name="address"/> must still wait, or null when it may try.</summary>
    public TimeSpan? Locked(IPAddress? address)
    {
        if (address is null || !_failures.TryGetValue(address, out var record))
        {
            return null;
        }

        var left = record.Since + Window - time.GetUtcNow();
        return record.Count >= MaxFailures && left > TimeSpan.Zero ? left : null;
    }

    public void Failed(IPAddress? address)
    {
        if (address is null)
        {
            return;
        }

        var now = time.GetUtcNow();
        if (_failures.Count >= MaxAddresses)
        {
            foreach (var (old, record) in _failures.OrderBy(f => f.Value.Since).Take(MaxAddresses / 4))
            {
                _failures.TryRemove(old, out _);
            }
        }

        _failures.AddOrUpdate(address, _ => (now, 1), (_, record) => now - record.Since >= Window ? (now, 1) : (record.Since, record.Count + 1));
    }
}
