using System.Threading.Channels;
using GateEdge.Commands;
using GateEdge.Configuration;
using GateEdge.Events;
using GateEdge.Journal;
using GateEdge.Status;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MQTTnet;
using MQTTnet.Exceptions;
using MQTTnet.Protocol;

namespace GateEdge.Publishing;

/// <summary>
/// The one MQTT connection supervisor (MQTTnet 5 has no managed client): connect, announce
/// <c>online</c>, drain the journal in sequence order with a bounded in-flight window, mark
/// events delivered only on PUBACK, and on any failure back off with jitter and start over.
/// Every wait for the broker is bounded by <see cref="MqttOptions.Timeout"/>, so a broker that
/// accepts and then says nothing is left, with a log line saying so. A journal that cannot store
/// delivery marks is the journal's fault, not the broker's: the marks wait and the connection stays.
/// Local decisions never wait for it.
/// </summary>
internal sealed partial class MqttPublisher : BackgroundService
{
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(500);

    // A connection that lasted this long was a good one: the next failure retries quickly again.
    // One that failed sooner keeps the backoff growing, so a broken setup never storms the broker.
    private static readonly TimeSpan StableConnection = TimeSpan.FromSeconds(30);

    // Batches awaiting their PUBACKs while the next ones are sent: keeps the link busy during a backlog.
    private const int PipelineDepth = 4;

    private readonly MqttOptions _options;
    private readonly MqttConnectionOptions _connection;
    private readonly Topics _topics;
    private readonly EventJournal _journal;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CommandInbox _commands;
    private readonly GatewayStatePublisher _state;
    private readonly BrokerConnectionState _broker;
    private readonly GatewayMetrics _metrics;
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public MqttPublisher(MqttOptions options, Topics topics, GatewayOptions gateway, EventJournal journal, CommandInbox commands,
        GatewayStatePublisher state, BrokerConnectionState broker, GatewayMetrics metrics, TimeProvider time, ILogger<MqttPublisher> logger)
    {
        _broker = broker;
        _metrics = metrics;
        _options = options;
        _connection = new MqttConnectionOptions(options, gateway, topics);
        _topics = topics;
        _journal = journal;
        _commands = commands;
        _state = state;
        _time = time;
        _logger = logger;
        _journal.Appended += Wake;
        _state.Pending += Wake;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backoff = new Backoff(FirstRetryDelay, _options.MaxReconnectDelay, jitter: true);
        while (!stoppingToken.IsCancellationRequested)
        {
            using var client = new MqttClientFactory().CreateMqttClient(new StatedKeepAlive(_options.KeepAlive));
            var disconnected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            client.ApplicationMessageReceivedAsync += e =>
            {
                // Both commands and list updates are carried out by the command service, in arrival order.
                var topic = e.ApplicationMessage.Topic;
                var kind = Topics.IsList(topic) ? InboundKind.List : InboundKind.Command;
                var name = Topics.CommandName(topic);
                var payload = e.ApplicationMessage.Payload;
                // The length is known before the bytes are copied: an oversized message is refused by its length alone.
                if (!_commands.TryReceive(kind, name, payload.Length, () => System.Buffers.BuffersExtensions.ToArray(payload)))
                {
                    LogCommandShed(Trust.Untrusted.ForLog(name, 64));
                }

                return Task.CompletedTask;
            };
            client.DisconnectedAsync += _ =>
            {
                // Only a signal: reconnecting is the supervisor loop's job, never the handler's.
                disconnected.TrySetResult();
                return Task.CompletedTask;
            };

            long? connectedAt = null;
            try
            {
                var connected = await AnsweredAsync(ct => client.ConnectAsync(_connection.Build(_state.StatusPayload("offline")), ct), "the connection", stoppingToken).ConfigureAwait(false);
                if (connected.ResultCode != MqttClientConnectResultCode.Success)
                {
                    // MQTTnet 5 reports a refused CONNECT (bad credentials, not authorised) as a result, not an exception.
                    throw new MqttCommunicationLostException($"the broker refused the connection: {connected.ResultCode} {connected.ReasonString}".TrimEnd());
                }

                connectedAt = _time.GetTimestamp();
                // Subscribed before announcing "online": once the centre sees online, commands reach the gateway.
                await AnsweredAsync(ct => client.SubscribeAsync(_topics.Commands, MqttQualityOfServiceLevel.AtLeastOnce, ct), "the command subscription", stoppingToken).ConfigureAwait(false);
                await AnsweredAsync(ct => client.SubscribeAsync(_topics.Lists, MqttQualityOfServiceLevel.AtLeastOnce, ct), "the list subscription", stoppingToken).ConfigureAwait(false);
                await AnsweredAsync(ct => _state.PublishStatusAsync(client, "online", ct), "the online status", stoppingToken).ConfigureAwait(false);
                // Said once commands can reach the gateway: a technician (or a test) may act on it at once.
                LogConnected(_options.Host, _options.Port, _journal.CountUndelivered());
                _state.OnConnected();
                _broker.OnConnected();
                await DrainAsync(client, _journal.LastSeq, disconnected.Task, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                await SayGoodbyeAsync(client).ConfigureAwait(false);
                return;
            }
            catch (Exception ex)
            {
                if (connectedAt is { } since && _time.GetElapsedTime(since) >= StableConnection)
                {
                    backoff.Reset();
                }

                var problem = _connection.LastCertificateProblem ?? Describe(ex);
                _broker.OnLost(problem);
                LogConnectionLost(_options.Host, _options.Port, problem, backoff.Step.TotalSeconds);
            }

            try
            {
                await Task.Delay(backoff.NextWait(), _time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>
    /// Sends every undelivered event in order until the connection fails. Up to
    /// <see cref="PipelineDepth"/> batches are in flight at once (together at most
    /// <see cref="MqttOptions.MaxInFlight"/> events); each is marked delivered, in order, as its
    /// PUBACKs arrive.
    /// </summary>
    /// <param name="backlogEnd">Events up to this sequence existed before this connection: sent as replayed.</param>
    private async Task DrainAsync(IMqttClient client, long backlogEnd, Task disconnected, CancellationToken stoppingToken)
    {
        int batchSize = Math.Max(1, _options.MaxInFlight / PipelineDepth);
        var inFlight = new Queue<(JournalEntry[] Batch, long SentAt, Task<MqttClientPublishResult[]> Acks)>();
        // Read a whole window's worth at a time: one journal query per window, not per batch.
        var readAhead = new Queue<JournalEntry>();
        var unmarked = new List<long>();
        long cursor = 0;
        while (true)
        {
            if (_state.HasPending)
            {
                await AnsweredAsync(ct => _state.PublishPendingAsync(client, ct), "the gateway's status", stoppingToken).ConfigureAwait(false);
            }

            while (inFlight.Count < PipelineDepth)
            {
                if (readAhead.Count == 0)
                {
                    foreach (var entry in _journal.ReadUndelivered(cursor, batchSize * PipelineDepth))
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
                inFlight.Enqueue((batch, _time.GetTimestamp(), Task.WhenAll(batch.Select(e => client.PublishAsync(Message(e, e.Seq <= backlogEnd), stoppingToken)))));
            }

            if (inFlight.Count == 0)
            {
                if (unmarked.Count > 0)
                {
                    // Delivered, not yet marked (the disk refused): try again soon, without resending.
                    await Task.Delay(_options.MaxReconnectDelay, _time, stoppingToken).ConfigureAwait(false);
                    MarkDelivered(unmarked, []);
                    continue;
                }

                await IdleAsync(client, disconnected, stoppingToken).ConfigureAwait(false);
                continue;
            }

            var (sent, sentAt, acks) = inFlight.Dequeue();
            MarkAcknowledged(sent, await AcknowledgedAsync(acks, stoppingToken).ConfigureAwait(false), unmarked);
            _metrics.Acknowledged(_time.GetElapsedTime(sentAt));
        }
    }

    /// <summary>
    /// Waits for something to publish. A connection idle for <see cref="MqttOptions.KeepAlive"/> is
    /// pinged (<see cref="StatedKeepAlive"/>): the broker keeps it, and a broker that stopped
    /// answering is noticed within <see cref="MqttOptions.Timeout"/> of the ping.
    /// </summary>
    private async Task IdleAsync(IMqttClient client, Task disconnected, CancellationToken stoppingToken)
    {
        var woken = _wake.Reader.WaitToReadAsync(stoppingToken).AsTask();
        while (true)
        {
            Task first;
            using (var keptAlive = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken))
            {
                var pingDue = Task.Delay(_options.KeepAlive > TimeSpan.Zero ? _options.KeepAlive : Timeout.InfiniteTimeSpan, _time, keptAlive.Token);
                first = await Task.WhenAny(woken, disconnected, pingDue).ConfigureAwait(false);
                // Ends the ping's timer when something came first.
                await keptAlive.CancelAsync().ConfigureAwait(false);
            }

            if (first == disconnected)
            {
                throw new MqttCommunicationLostException("the broker connection closed");
            }

            if (first == woken)
            {
                await woken.ConfigureAwait(false);
                _wake.Reader.TryRead(out _);
                return;
            }

            stoppingToken.ThrowIfCancellationRequested();
            await AnsweredAsync(ct => client.PingAsync(ct), "the keep-alive ping", stoppingToken).ConfigureAwait(false);
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

    /// <summary>
    /// Marks what the broker accepted; an event it refused ends the connection, to be retried after
    /// backoff. Marks the disk refuses are kept in <paramref name="unmarked"/> for the next try.
    /// </summary>
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

        MarkDelivered(unmarked, delivered);
        if (delivered.Count < batch.Count)
        {
            var refused = acks.First(a => !a.IsSuccess);
            throw new MqttCommunicationLostException($"the broker refused an event: {refused.ReasonCode} {refused.ReasonString}");
        }
    }

    private void MarkDelivered(List<long> unmarked, List<long> delivered)
    {
        unmarked.AddRange(delivered);
        if (_journal.MarkDelivered(unmarked))
        {
            unmarked.Clear();
        }
    }

    /// <summary>Runs one exchange with the broker, bounded by <see cref="MqttOptions.Timeout"/> as well as by the stop token.</summary>
    private async Task<T> AnsweredAsync<T>(Func<CancellationToken, Task<T>> exchange, string what, CancellationToken stoppingToken)
    {
        using var timeout = new CancellationTokenSource(_options.Timeout, _time);
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, timeout.Token);
        try
        {
            return await exchange(bounded.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested && (timeout.IsCancellationRequested || ex is MqttCommunicationTimedOutException))
        {
            // MQTTnet reports a CONNECT cut short by the token as "Error while authenticating": the timeout is the truth.
            throw new MqttCommunicationLostException($"the broker did not answer {what} within {_options.Timeout.TotalSeconds:0} s");
        }
    }

    private Task AnsweredAsync(Func<CancellationToken, Task> exchange, string what, CancellationToken stoppingToken) =>
        AnsweredAsync(async ct =>
        {
            await exchange(ct).ConfigureAwait(false);
            return true;
        }, what, stoppingToken);

    private void Wake() => _wake.Writer.TryWrite(true);

    private MqttApplicationMessage Message(JournalEntry entry, bool replayed)
    {
        byte[] payload;
        try
        {
            payload = ReplayedFlag.Add(entry.Payload, replayed);
        }
        catch (FormatException)
        {
            // Not an object GateEdge wrote (a damaged row): sent as stored, so it neither is lost
            // nor holds up every event after it by failing the connection again and again.
            LogSentAsStored(entry.Seq);
            payload = entry.Payload;
        }

        return new MqttApplicationMessageBuilder()
            .WithTopic(entry.Topic)
            .WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
    }

    private async Task SayGoodbyeAsync(IMqttClient client)
    {
        if (!client.IsConnected)
        {
            return;
        }

        // A clean disconnect suppresses the will, so the offline state is published by hand.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2), _time);
        try
        {
            await _state.PublishStatusAsync(client, "offline", timeout.Token).ConfigureAwait(false);
            await client.DisconnectAsync(new MqttClientDisconnectOptions(), timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is MqttCommunicationException or OperationCanceledException)
        {
            LogGoodbyeFailed(ex.Message);
        }
    }

    private static string Describe(Exception ex) => ex switch
    {
        MQTTnet.Adapter.MqttConnectingFailedException failed => $"the broker refused the connection: {failed.Message}",
        FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException => $"cannot read a configured file: {ex.Message}",
        System.Security.Cryptography.CryptographicException => $"a configured certificate or key is unusable: {ex.Message}",
        _ => ex.Message,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Connected to the broker at {Host}:{Port}; {Backlog} events waiting")]
    private partial void LogConnected(string host, int port, long backlog);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Broker {Host}:{Port} unavailable ({Reason}); retrying in about {Seconds} s, decisions continue locally")]
    private partial void LogConnectionLost(string host, int port, string reason, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Command '{Command}' dropped: too many commands waiting")]
    private partial void LogCommandShed(string command);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Journal event #{Seq} is not a JSON object; sent as stored, without its replayed flag")]
    private partial void LogSentAsStored(long seq);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not say goodbye to the broker: {Reason}")]
    private partial void LogGoodbyeFailed(string reason);
}
