namespace GateEdge.Devices.Framing;

/// <summary>
/// How long a polled device waits before its next poll: its resting interval, or, for a card
/// reader while someone stands at its lane (<see cref="ReaderAttention"/>), its attended one. A
/// rest is cut short the moment the reader becomes attended, so the first card is not left
/// waiting out a slow poll.
/// </summary>
internal sealed class PollPace
{
    private readonly TimeSpan _resting;
    private readonly TimeSpan _attended;
    private readonly ReaderAttention? _attention;
    private readonly string _device;

    private PollPace(TimeSpan resting, TimeSpan attended, ReaderAttention? attention, string device)
    {
        _resting = resting;
        _attended = attended < resting ? attended : resting;
        _attention = attention;
        _device = device;
    }

    /// <summary>Always <paramref name="interval"/>: a thermometer, a voice module.</summary>
    public static PollPace Fixed(TimeSpan interval) => new(interval, interval, null, "");

    /// <summary>A card reader: <paramref name="resting"/>, or <paramref name="attended"/> while <paramref name="attention"/> says someone is at its lane.</summary>
    public static PollPace ForReader(TimeSpan resting, TimeSpan attended, ReaderAttention attention, string device) => new(resting, attended, attention, device);

    /// <summary>The interval that applies now.</summary>
    public TimeSpan Interval => _attention?.IsAttended(_device) == true ? _attended : _resting;

    /// <summary>Completes when the pace next quickens (someone comes to the reader's lane); null for a pace that never does.</summary>
    public Task? Quickens() => _attention?.Begins(_device);

    public async Task WaitAsync(TimeProvider time, CancellationToken cancellationToken)
    {
        // Taken before the interval is read: attention that begins in between still cuts this rest short.
        var begins = _attention?.Begins(_device);
        var interval = Interval;
        if (begins is null || interval == _attended)
        {
            await Task.Delay(interval, time, cancellationToken).ConfigureAwait(false);
            return;
        }

        // A rest cut short leaves its timer to fire once, unheard: cheaper at rest than a linked
        // cancellation source per poll, whose cancelling wakes a pool thread every time.
        await Task.WhenAny(Task.Delay(interval, time, cancellationToken), begins).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
    }
}
