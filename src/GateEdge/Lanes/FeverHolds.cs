using GateEdge.Devices.CardReaders;
using GateEdge.Rules;

namespace GateEdge.Lanes;

/// <summary>
/// The people a confirmed fever holds (docs/rules.md, R3), shared by every lane of the gateway so
/// that trying the next lane changes nothing. A person is held by the card they presented and, when
/// registered, by their reference, so another of their cards is held too. Measured on the monotonic
/// clock: a stepped wall clock neither ends a hold early nor stretches it. Kept in memory only; the
/// fever itself is in the record.
/// </summary>
internal sealed class FeverHolds(TimeSpan hold, TimeProvider time)
{
    // Beyond this many held people the expired ones are swept on the next hold.
    private const int SweepAbove = 256;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, long> _heldSince = new(StringComparer.Ordinal);

    /// <summary>Holds the person from now.</summary>
    public void Hold(Credential credential, RegisteredPerson? person)
    {
        long now = time.GetTimestamp();
        lock (_lock)
        {
            if (_heldSince.Count > SweepAbove)
            {
                foreach (var (key, since) in _heldSince)
                {
                    if (time.GetElapsedTime(since) >= hold)
                    {
                        _heldSince.Remove(key);
                    }
                }
            }

            foreach (var key in Keys(credential, person))
            {
                _heldSince[key] = now;
            }
        }
    }

    /// <summary>What is left of the person's hold; zero when they are not held.</summary>
    public TimeSpan Left(Credential credential, RegisteredPerson? person)
    {
        lock (_lock)
        {
            var left = TimeSpan.Zero;
            foreach (var key in Keys(credential, person))
            {
                if (_heldSince.TryGetValue(key, out var since))
                {
                    var remaining = hold - time.GetElapsedTime(since);
                    if (remaining <= TimeSpan.Zero)
                    {
                        _heldSince.Remove(key);
                    }
                    else if (remaining > left)
                    {
                        left = remaining;
                    }
                }
            }

            return left;
        }
    }

    /// <summary>A guard let the person through: the hold is over.</summary>
    public void Release(Credential credential, RegisteredPerson? person)
    {
        lock (_lock)
        {
            foreach (var key in Keys(credential, person))
            {
                _heldSince.Remove(key);
            }
        }
    }

    private static IEnumerable<string> Keys(Credential credential, RegisteredPerson? person)
    {
        yield return $"card\u0000{(int)credential.Kind}\u0000{credential.Number}";
        if (person is not null)
        {
            yield return $"person\u0000{person.Reference}";
        }
    }
}
