using System.Threading.Channels;
using GateEdge.Commands;
using GateEdge.Common;
using GateEdge.Events;
using GateEdge.Journal;
using GateEdge.Status;
using GateEdge.Trust;
using MQTTnet.Exceptions;
using MQTTnet.Protocol;
using MQTTnet;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GateEdge.Publishing;

/// <summary>
/// The one MQTT connection supervisor (MQTTnet 5 has no managed client): connect, subscribe,
/// announce <c>online</c>, let the <see cref="JournalDrain"/> send the journal, keep an idle
/// connection alive, and on any failure back off with jitter and start over.
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

    private readonly MqttOptions _options;
    private readonly MqttConnectionOptions _connection;
    private long _shed;
    private readonly Topics _topics;
    private readonly IOutbox _outbox;
    private readonly JournalDrain _drain;
    private readonly TimeProvider _time;
    private readonly ConnectionLosses _losses;
    private readonly ILogger _logger;
    private readonly CommandInbox _commands;
    private readonly GatewayStatePublisher _state;
    private readonly BrokerConnectionState _broker;
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public MqttPublisher(MqttOptions options, Topics topics, GatewayOptions gateway, EventJournal journal, GatewayKey key, CommandInbox commands,
        GatewayStatePublisher state, BrokerConnectionState broker, GatewayMetrics metrics, TimeProvider time, ILogger<MqttPublisher> logger)
    {
        _broker = broker;
        _outbox = journal.Outbox;
        _drain = new JournalDrain(journal.Outbox, new EventMessages(topics, key.KeyId).For, options, time, metrics.Acknowledged);
        _options = options;
        _connection = new MqttConnectionOptions(options, gateway, topics);
        _topics = topics;
        _commands = commands;
        _state = state;
        _time = time;
        _logger = logger;
        _losses = new ConnectionLosses(options, gateway.Id, broker, time, logger);
        _outbox.Appended += Wake;
        _outbox.Requeued += Wake;
        _state.Pending += Wake;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backoff = new Backoff(FirstRetryDelay, _options.MaxReconnectDelay, jitter: true);
        while (!stoppingToken.IsCancellationRequested)
        {
            using var client = new MqttClientFactory().CreateMqttClient(new StatedKeepAlive(_options.KeepAlive, (int)MqttConnectionOptions.MaxPacketBytes, LogOversized));
            var disconnected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            bool takenOver = false;
            client.ApplicationMessageReceivedAsync += async e =>
            {
                // Both commands and list updates are carried out by the command service, in arrival order.
                if (_topics.Inbound(e.ApplicationMessage.Topic) is not var (kind, name))
                {
                    return; // not a topic this gateway subscribed to as such: nothing to carry out or answer
                }

                var payload = e.ApplicationMessage.Payload;
                // The length is known before the bytes are copied: an oversized message is refused by its length alone.
                // A signed message waits here for room in the inbox: the broker holds what comes after it meanwhile.
                if (!await _commands.ReceiveAsync(kind, name, payload.Length, () => System.Buffers.BuffersExtensions.ToArray(payload), stoppingToken).ConfigureAwait(false)
                    && ++_shed % 1000 == 1)
                {
                    LogUnsignedShed(_shed);
                }
            };
            client.DisconnectedAsync += e =>
            {
                // MQTT 5 brokers say why: another client connected with this gateway's client id.
                takenOver |= e.Reason == MqttClientDisconnectReason.SessionTakenOver;
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
                _losses.Connected(_outbox.CountUndelivered());
                _state.OnConnected();
                _broker.OnConnected();
                await _drain.RunAsync(client.PublishAsync, ct => PublishStateAsync(client, ct), ct => IdleAsync(client, disconnected.Task, ct), stoppingToken).ConfigureAwait(false);
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

                _losses.Lost(_connection.LastCertificateProblem ?? Describe(ex), connectedAt, closedByBroker: disconnected.Task.IsCompleted && connectedAt is not null, takenOver, backoff.Step);
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

    private Task PublishStateAsync(IMqttClient client, CancellationToken stoppingToken) => _state.HasPending
        ? AnsweredAsync(ct => _state.PublishPendingAsync(client, ct), "the gateway's status", stoppingToken)
        : Task.CompletedTask;

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

    private async Task SayGoodbyeAsync(IMqttClient client)
    {
        if (!client.IsConnected)
        {
            return;
        }

        // A clean disconnect suppresses the will, so the offline state is published by hand, after the last checkpoint.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2), _time);
        try
        {
            await _state.PublishCheckpointAsync(client, timeout.Token).ConfigureAwait(false);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Messages not signed by the centre dropped unanswered while the inbox was full: {Count} so far (a flood; signed ones are never dropped)")]
    private partial void LogUnsignedShed(long count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dropped a packet of type {Type} from the broker: {Bytes} bytes, over the {Max} the gateway takes; nothing the centre sends is that large (set the broker's max_packet_size)")]
    private partial void LogOversized(int type, long bytes, uint max);

    private void LogOversized(int type, long bytes) => LogOversized(type, bytes, MqttConnectionOptions.MaxPacketBytes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not say goodbye to the broker: {Reason}")]
    private partial void LogGoodbyeFailed(string reason);
}
