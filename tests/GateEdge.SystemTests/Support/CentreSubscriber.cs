using System.Buffers;
using System.Collections.Concurrent;
using System.Text.Json;
using GateEdge.Evidence;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace GateEdge.SystemTests.Support;

/// <summary>
/// Subscribes to everything GateEdge publishes, as a central service would: with a persistent
/// session, so the broker keeps its messages while it is away, and reconnecting on its own.
/// </summary>
internal sealed class CentreSubscriber : IAsyncDisposable
{
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private readonly CancellationTokenSource _stop = new();
    private readonly MqttClientOptions _options;
    private readonly string _filter;
    private Task _reconnecting = Task.CompletedTask;

    private CentreSubscriber(int port, string filter, Action<MqttClientOptionsBuilder>? configure)
    {
        _filter = filter;
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", port)
            .WithClientId("test-centre-" + Guid.NewGuid().ToString("N")[..8])
            .WithProtocolVersion(MqttProtocolVersion.V311)
            .WithCleanSession(false);
        configure?.Invoke(builder);
        _options = builder.Build();
    }

    public ConcurrentQueue<(string Topic, JsonElement Payload, bool Retained)> Messages { get; } = new();

    public IEnumerable<JsonElement> Passages => Messages.Where(m => m.Topic.EndsWith("/event/passage", StringComparison.Ordinal)).Select(m => m.Payload);

    /// <summary>Every message as it arrived, signature line included: what the centre's verifier reads.</summary>
    public ConcurrentQueue<(string Topic, byte[] Payload)> Raw { get; } = new();

    /// <summary>Whether each passage, in arrival order, came from the backlog (the signature line's <c>replayed</c>).</summary>
    public IEnumerable<(long Seq, bool Replayed)> PassageFlags => Raw.Where(m => m.Topic.EndsWith("/event/passage", StringComparison.Ordinal))
        .Select(m => GatewayMessage.Split(m.Payload))
        .Select(m => (JsonDocument.Parse(m.Body).RootElement.GetProperty("seq").GetInt64(), m.Header.Replayed == true));

    private readonly SortedSet<long> _seqs = [];
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

    /// <summary>How many messages arrived on <paramref name="topic"/>; cheap enough to poll while tens of thousands arrive.</summary>
    public int CountOn(string topic) => _counts.TryGetValue(topic, out int n) ? n : 0;

    /// <summary>Every journalled event received (passages, actuation records, guard and override events…), repeats included.</summary>
    public IEnumerable<JsonElement> Events => Messages.Where(m => m.Topic.Contains("/event/", StringComparison.Ordinal)).Select(m => m.Payload);

    /// <summary>Distinct sequence numbers of journalled events received so far (a copy).</summary>
    public SortedSet<long> Seqs
    {
        get
        {
            lock (_seqs)
            {
                return [.. _seqs];
            }
        }
    }

    /// <summary>How many distinct journalled events arrived; cheap enough to poll while 100,000 arrive.</summary>
    public int SeqCount
    {
        get
        {
            lock (_seqs)
            {
                return _seqs.Count;
            }
        }
    }

    /// <param name="configure">Credentials or TLS, for a broker that requires them.</param>
    public static async Task<CentreSubscriber> ConnectAsync(int port, string filter = "gateedge/v1/#", Action<MqttClientOptionsBuilder>? configure = null)
    {
        var subscriber = new CentreSubscriber(port, filter, configure);
        subscriber._client.ApplicationMessageReceivedAsync += e =>
        {
            if (e.ApplicationMessage.Topic.Contains("/command/", StringComparison.Ordinal) || e.ApplicationMessage.Topic.Contains("/lists/", StringComparison.Ordinal))
            {
                return Task.CompletedTask; // the centre's own commands and lists, on their way to the gateway
            }

            // What the gateway publishes is a signature line, then the body (docs/mqtt.md): the tests read the body.
            var raw = e.ApplicationMessage.Payload.ToArray();
            subscriber.Raw.Enqueue((e.ApplicationMessage.Topic, raw));
            var split = GatewayMessage.Split(raw);
            var payload = JsonDocument.Parse(split.Problem is null ? split.Body : raw).RootElement.Clone();
            subscriber.Messages.Enqueue((e.ApplicationMessage.Topic, payload, e.ApplicationMessage.Retain));
            subscriber._counts.AddOrUpdate(e.ApplicationMessage.Topic, 1, (_, n) => n + 1);
            if (e.ApplicationMessage.Topic.Contains("/event/", StringComparison.Ordinal))
            {
                lock (subscriber._seqs)
                {
                    subscriber._seqs.Add(payload.GetProperty("seq").GetInt64());
                }
            }
            return Task.CompletedTask;
        };
        subscriber._client.DisconnectedAsync += _ =>
        {
            if (!subscriber._stop.IsCancellationRequested && subscriber._reconnecting.IsCompleted)
            {
                subscriber._reconnecting = subscriber.ReconnectAsync();
            }

            return Task.CompletedTask;
        };
        await subscriber.ConnectOnceAsync();
        return subscriber;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _reconnecting;
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync();
        }

        _client.Dispose();
        _stop.Dispose();
    }

    private async Task ConnectOnceAsync()
    {
        await _client.ConnectAsync(_options, _stop.Token);
        await _client.SubscribeAsync(_filter, MqttQualityOfServiceLevel.AtLeastOnce, _stop.Token);
    }

    private async Task ReconnectAsync()
    {
        while (!_stop.IsCancellationRequested && !_client.IsConnected)
        {
            try
            {
                await Task.Delay(200, _stop.Token);
                await ConnectOnceAsync();
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception)
            {
                // The broker is still down, or went down again while connecting; try again.
            }
        }
    }
}
