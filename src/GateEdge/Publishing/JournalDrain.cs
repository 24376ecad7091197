using GateEdge.Journal;
using MQTTnet;

namespace GateEdge.Publishing;

/// <summary>
/// Sends the journal's undelivered events over one connection, in sequence order, with up to
/// <see cref="PipelineDepth"/> batches (together at most <see cref="MqttOptions.MaxInFlight"/>
/// events) in flight, and marks each batch delivered, in order, as its PUBACKs arrive. An event the
/// broker refuses, or acknowledgements that do not come within <see cref="MqttOptions.Timeout"/>,
/// end the connection; marks the disk refuses are kept and tried again, never sent again.
/// It knows the journal only as an <see cref="IOutbox"/> and the broker only as a publish function,
/// so its ordering, window and marking are tested without either.
/// </summary>
internal sealed class JournalDrain
{
    // Batches awaiting their PUBACKs while the next ones are sent: keeps the link busy during a backlog.
    public const int PipelineDepth = 4;

    private readonly IOutbox _outbox;
    private readonly Func<JournalEntry, bool, MqttApplicationMessage> _message;
    private readonly MqttOptions _options;
    private readonly TimeProvider _time;
    private readonly Action<TimeSpan> _acknowledged;
    private volatile bool _rewind;

    public JournalDrain(IOutbox outbox, Func<JournalEntry, bool, MqttApplicationMessage> message, MqttOptions options, TimeProvider time, Action<TimeSpan> acknowledged)
    {
        _outbox = outbox;
        _message = message;
        _options = options;
        _time = time;
        _acknowledged = acknowledged;
        outbox.Requeued += () => _rewind = true;
    }

    /// <summary>
    /// Drains until the connection fails or the stop token fires. <paramref name="between"/> runs
    /// before each step (status and answers go out between batches); <paramref name="idle"/> waits
    /// when everything is sent and marked.
    /// </summary>
    public async Task RunAsync(Func<MqttApplicationMessage, CancellationToken, Task<MqttClientPublishResult>> publish,
        Func<CancellationToken, Task> between, Func<CancellationToken, Task> idle, CancellationToken stoppingToken)
    {
        // Events up to this sequence existed before this connection: sent as replayed.
        long backlogEnd = _outbox.LastSeq;
        int batchSize = Math.Max(1, _options.MaxInFlight / PipelineDepth);
        var inFlight = new Queue<(JournalEntry[] Batch, long SentAt, Task<MqttClientPublishResult[]> Acks)>();
        // Read a whole window's worth at a time: one journal query per window, not per batch.
        var readAhead = new Queue<JournalEntry>();
        var unmarked = new List<long>();
        long cursor = 0;
        while (true)
        {
            await between(stoppingToken).ConfigureAwait(false);
            if (_rewind && readAhead.Count == 0)
            {
                _rewind = false;
                cursor = 0;
            }

            while (inFlight.Count < PipelineDepth)
            {
                if (readAhead.Count == 0)
                {
                    foreach (var entry in _outbox.ReadUndelivered(cursor, batchSize * PipelineDepth))
                    {
                        readAhead.Enqueue(entry);
                        cursor = entry.Seq;
                    }
                }

                if (readAhead.Count == 0)
                {
                    break;
                }

                var batch = new JournalEntry[Math.Min(batchSize, readAhead.Count)];
                for (int i = 0; i < batch.Length; i++)
                {
                    batch[i] = readAhead.Dequeue();
                }

                // Started in sequence order, so the broker receives them in that order.
                inFlight.Enqueue((batch, _time.GetTimestamp(), Task.WhenAll(batch.Select(e => publish(_message(e, e.Seq <= backlogEnd), stoppingToken)))));
            }

            if (inFlight.Count == 0)
            {
                if (unmarked.Count > 0)
                {
                    // Delivered, not yet marked (the disk refused): try again soon, without resending.
                    await Task.Delay(_options.MaxReconnectDelay, _time, stoppingToken).ConfigureAwait(false);
                    Mark(unmarked, []);
                    continue;
                }

                await idle(stoppingToken).ConfigureAwait(false);
                continue;
            }

            var (sent, sentAt, acks) = inFlight.Dequeue();
            MarkAcknowledged(sent, await AcknowledgedAsync(acks, stoppingToken).ConfigureAwait(false), unmarked);
            _acknowledged(_time.GetElapsedTime(sentAt));
        }
    }

    private async Task<MqttClientPublishResult[]> AcknowledgedAsync(Task<MqttClientPublishResult[]> acks, CancellationToken stoppingToken)
    {
        try
        {
            return await acks.WaitAsync(_options.Timeout, _time, stoppingToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new MqttCommunicationLostException($"the broker did not acknowledge events within {_options.Timeout.TotalSeconds:0} s");
        }
    }

    /// <summary>Marks what the broker accepted; an event it refused ends the connection, to be retried after backoff.</summary>
    private void MarkAcknowledged(IReadOnlyList<JournalEntry> batch, MqttClientPublishResult[] acks, List<long> unmarked)
    {
        var delivered = new List<long>(batch.Count);
        for (int i = 0; i < batch.Count; i++)
        {
            if (acks[i].IsSuccess)
            {
                delivered.Add(batch[i].Seq);
            }
        }

        Mark(unmarked, delivered);
        if (delivered.Count < batch.Count)
        {
            var refused = acks.First(a => !a.IsSuccess);
            throw new MqttCommunicationLostException($"the broker refused an event: {refused.ReasonCode} {refused.ReasonString}");
        }
    }

    private void Mark(List<long> unmarked, List<long> delivered)
    {
        unmarked.AddRange(delivered);
        if (_outbox.MarkDelivered(unmarked))
        {
            unmarked.Clear();
        }
    }
}
