using GateEdge.Devices.CardReaders;
using GateEdge.Rules;

namespace GateEdge.Lanes;

/// <summary>
/// Per reader, the different cards presented within <see cref="RulePolicy.CardReadWindow"/>: more
/// than <see cref="RulePolicy.MaxCardsPerWindow"/> is not people at a lane but a forged or faulty
/// line (2,000 made-up UIDs in ten seconds), and each would become a recorded attempt. Reads beyond
/// the limit are refused here, so a flood costs the journal at most the limit per window; the same
/// card read again (a reader that repeats while the card is held) does not count twice. Measured on
/// the monotonic clock. Called from every reader's thread.
/// </summary>
internal sealed class CardReadFlood(RulePolicy policy, TimeProvider time)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Reader> _readers = new(StringComparer.Ordinal);

    /// <summary>Whether the read may go to the lanes; <paramref name="floodBegins"/> is true for the first read refused after reads were admitted.</summary>
    public bool Admit(string device, Credential credential, out bool floodBegins)
    {
        long now = time.GetTimestamp();
        lock (_lock)
        {
            if (!_readers.TryGetValue(device, out var reader))
            {
                _readers[device] = reader = new Reader();
            }

            while (reader.Recent.Count > 0 && time.GetElapsedTime(reader.Recent.Peek().At, now) > policy.CardReadWindow)
            {
                reader.Distinct.Remove(reader.Recent.Dequeue().Credential);
            }

            if (reader.Distinct.Contains(credential) || reader.Distinct.Count < policy.MaxCardsPerWindow)
            {
                if (reader.Distinct.Add(credential))
                {
                    reader.Recent.Enqueue((credential, now));
                }

                floodBegins = false;
                reader.Flooding = false;
                return true;
            }

            floodBegins = !reader.Flooding;
            reader.Flooding = true;
            return false;
        }
    }

    private sealed class Reader
    {
        public Queue<(Credential Credential, long At)> Recent { get; } = new();

        public HashSet<Credential> Distinct { get; } = [];

        public bool Flooding { get; set; }
    }
}
