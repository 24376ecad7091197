using System.Collections.Concurrent;

namespace GateEdge.Devices;

/// <summary>
/// Which card readers should look harder for a card right now. A lane marks its readers while a
/// person stands at its thermometer (the forehead comes before the card at most gates); a polled
/// reader then polls at its attended interval until the mark lapses, and a wait at its resting
/// interval is cut short when the mark begins. At rest nobody is in front, so the readers cost
/// only what their resting interval costs, and a person's card is still read within moments.
/// Marks run on the monotonic clock: a stepped wall clock neither extends nor ends them.
/// </summary>
internal sealed class ReaderAttention(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Mark> _marks = new(StringComparer.Ordinal);

    /// <summary>How long one sighting of a person keeps a reader attended: about as long as anyone takes to find their card.</summary>
    public static readonly TimeSpan Span = TimeSpan.FromSeconds(5);

    /// <summary>Someone is at <paramref name="reader"/>'s lane: poll it fast for <see cref="Span"/> from now.</summary>
    public void Attend(string reader)
    {
        var mark = _marks.GetOrAdd(reader, _ => new Mark());
        long now = time.GetTimestamp();
        bool began = now >= Interlocked.Exchange(ref mark.Until, now + (long)(Span.TotalSeconds * time.TimestampFrequency));
        if (began)
        {
            Interlocked.Exchange(ref mark.Began, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        }
    }

    public bool IsAttended(string reader) => _marks.TryGetValue(reader, out var mark) && time.GetTimestamp() < Volatile.Read(ref mark.Until);

    /// <summary>Completes when <paramref name="reader"/> next becomes attended.</summary>
    public Task Begins(string reader) => _marks.GetOrAdd(reader, _ => new Mark()).Began.Task;

    private sealed class Mark
    {
        public long Until;
        public TaskCompletionSource Began = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
