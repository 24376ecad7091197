using GateEdge.Journal;
using GateEdge.Publishing;
using Microsoft.Extensions.Time.Testing;
using MQTTnet;

namespace GateEdge.Tests.Publishing;

/// <summary>The drain without a broker or a journal: order, the in-flight window, marking on acknowledgement, a refused mark.</summary>
public sealed class JournalDrainTests
{
    private readonly FakeTimeProvider _time = new();
    // Released at every send and every mark, so the test waits for the drain's next step instead of polling.
    private readonly SemaphoreSlim _changed = new(0);
    private readonly MemoryOutbox _outbox;
    private readonly MqttOptions _options = new() { MaxInFlight = 8 };
    private readonly List<(long Seq, bool Replayed)> _sent = [];
    private readonly List<TaskCompletionSource<MqttClientPublishResult>> _acks = [];

    public JournalDrainTests() => _outbox = new MemoryOutbox(_changed);

    [Fact]
    public async Task Events_go_out_in_order_with_at_most_the_window_in_flight_and_are_marked_as_their_acknowledgements_come()
    {
        _outbox.Add(20);
        using var stop = new CancellationTokenSource();
        var run = Drain().RunAsync(Publish, _ => Task.CompletedTask, _ => Idle(stop), stop.Token);

        await Until(() => _sent.Count == 8);
        Assert.Equal(Enumerable.Range(1, 8).Select(i => (long)i), _sent.Select(s => s.Seq));
        Assert.Empty(_outbox.Marked);

        AcknowledgeAll();
        await Until(() => _sent.Count == 16);
        Assert.Equal(Enumerable.Range(1, 8).Select(i => (long)i), _outbox.Marked);
        AcknowledgeAll();
        await Until(() => _sent.Count == 20);
        AcknowledgeAll();
        await Until(() => _outbox.Marked.Count == 20);

        Assert.Equal(Enumerable.Range(1, 20).Select(i => (long)i), _sent.Select(s => s.Seq));
        Assert.All(_sent, s => Assert.True(s.Replayed)); // all were stored before the connection
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
    }

    [Fact]
    public async Task A_mark_the_disk_refuses_is_tried_again_without_sending_the_events_again()
    {
        _outbox.Add(2);
        _outbox.RefuseMarks = true;
        using var stop = new CancellationTokenSource();
        var run = Drain().RunAsync(Publish, _ => Task.CompletedTask, _ => Idle(stop), stop.Token);

        await Until(() => _sent.Count == 2);
        AcknowledgeAll();
        await Until(() => _outbox.MarkAttempts > 0);
        _outbox.RefuseMarks = false;
        // The retry waits on the fake clock: move it on until the drain has tried again (its timer may not be armed at the first move).
        for (int i = 0; i < 100 && _outbox.Marked.Count < 2; i++)
        {
            _time.Advance(_options.MaxReconnectDelay);
            await _changed.WaitAsync(TimeSpan.FromMilliseconds(100));
        }

        Assert.Equal([1L, 2L], _outbox.Marked);
        Assert.Equal(2, _sent.Count);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
    }

    [Fact]
    public async Task An_event_the_broker_refuses_ends_the_connection_and_only_what_it_accepted_is_marked()
    {
        _outbox.Add(2);
        using var stop = new CancellationTokenSource();
        var run = Drain().RunAsync(Publish, _ => Task.CompletedTask, _ => Idle(stop), stop.Token);

        await Until(() => _sent.Count == 2);
        _acks[0].SetResult(new MqttClientPublishResult(1, MqttClientPublishReasonCode.Success, null, []));
        _acks[1].SetResult(new MqttClientPublishResult(2, MqttClientPublishReasonCode.QuotaExceeded, "full", []));

        var failed = await Assert.ThrowsAsync<MqttCommunicationLostException>(() => run);
        Assert.Contains("refused an event", failed.Message, StringComparison.Ordinal);
        Assert.Equal([1L], _outbox.Marked);
    }

    private JournalDrain Drain() => new(_outbox, (e, replayed) =>
    {
        _sent.Add((e.Seq, replayed));
        _changed.Release();
        return new MqttApplicationMessageBuilder().WithTopic("t").WithPayload(e.Payload).Build();
    }, _options, _time, _ => { });

    private Task<MqttClientPublishResult> Publish(MqttApplicationMessage message, CancellationToken cancellationToken)
    {
        var ack = new TaskCompletionSource<MqttClientPublishResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_acks)
        {
            _acks.Add(ack);
        }

        return ack.Task;
    }

    private void AcknowledgeAll()
    {
        lock (_acks)
        {
            foreach (var ack in _acks)
            {
                ack.TrySetResult(new MqttClientPublishResult(1, MqttClientPublishReasonCode.Success, null, []));
            }
        }
    }

    private static Task Idle(CancellationTokenSource stop) => Task.Delay(Timeout.InfiniteTimeSpan, stop.Token);

    /// <summary>Waits for the drain's own continuations (no clock involved: acknowledgements complete it), step by step.</summary>
    private async Task Until(Func<bool> condition)
    {
        while (!condition())
        {
            Assert.True(await _changed.WaitAsync(TimeSpan.FromSeconds(10)), "the drain took no further step within 10 s");
        }
    }

    private sealed class MemoryOutbox(SemaphoreSlim changed) : IOutbox
    {
        private readonly SortedDictionary<long, JournalEntry> _undelivered = [];

        public List<long> Marked { get; } = [];

        public bool RefuseMarks { get; set; }

        public int MarkAttempts { get; private set; }

        public long LastSeq { get; private set; }

        public event Action? Appended;

        // Nothing is requeued here.
        public event Action? Requeued { add { } remove { } }

        public void Add(int count)
        {
            for (int i = 0; i < count; i++)
            {
                LastSeq++;
                _undelivered[LastSeq] = new JournalEntry(LastSeq, "passage", [(byte)'{', (byte)'}'], null, null, false);
            }

            Appended?.Invoke();
        }

        public IReadOnlyList<JournalEntry> ReadUndelivered(long afterSeq, int limit)
        {
            lock (_undelivered)
            {
                return [.. _undelivered.Values.Where(e => e.Seq > afterSeq).Take(limit)];
            }
        }

        public bool MarkDelivered(IReadOnlyList<long> seqs)
        {
            try
            {
                MarkAttempts++;
                if (RefuseMarks)
                {
                    return false;
                }

                lock (_undelivered)
                {
                    foreach (var seq in seqs)
                    {
                        _undelivered.Remove(seq);
                        Marked.Add(seq);
                    }
                }

                return true;
            }
            finally
            {
                changed.Release();
            }
        }

        public long CountUndelivered() => _undelivered.Count;
    }
}
