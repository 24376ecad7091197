using System.Collections.Concurrent;
using System.Threading.Channels;

namespace GateEdge.Devices.Voice;

/// <summary>
/// What each voice module is to say next. A queue holds one utterance: a new prompt replaces one
/// not yet spoken, because only the newest is still true for the person at the lane. Saying never
/// waits, whatever the module is doing.
/// </summary>
internal sealed class SpeechQueues(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Channel<Utterance>> _queues = new(StringComparer.Ordinal);

    public void Say(string device, string text) => Queue(device).Writer.TryWrite(new Utterance(text, time.GetTimestamp()));

    /// <summary>What the module <paramref name="device"/> is to say; its session is the one reader.</summary>
    public ChannelReader<Utterance> For(string device) => Queue(device).Reader;

    private Channel<Utterance> Queue(string device) => _queues.GetOrAdd(device, _ => Channel.CreateBounded<Utterance>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true }));
}

/// <summary>A text to speak and the monotonic time it was asked for (a module back from a fault does not say stale prompts).</summary>
internal sealed record Utterance(string Text, long At);
