using System.Buffers;
using System.Collections.Concurrent;
using System.Text.Json;
using MQTTnet;
using MQTTnet.Protocol;

namespace GateEdge.SystemTests.Support;

/// <summary>Subscribes to everything GateEdge publishes, as a central service would.</summary>
internal sealed class CentreSubscriber : IAsyncDisposable
{
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();

    public ConcurrentQueue<(string Topic, JsonElement Payload, bool Retained)> Messages { get; } = new();

    public IEnumerable<JsonElement> Passages => Messages.Where(m => m.Topic.EndsWith("/event/passage", StringComparison.Ordinal)).Select(m => m.Payload);

    public static async Task<CentreSubscriber> ConnectAsync(int port, string filter = "gateedge/v1/#")
    {
        var subscriber = new CentreSubscriber();
        subscriber._client.ApplicationMessageReceivedAsync += e =>
        {
            var payload = JsonDocument.Parse(e.ApplicationMessage.Payload.ToArray()).RootElement.Clone();
            subscriber.Messages.Enqueue((e.ApplicationMessage.Topic, payload, e.ApplicationMessage.Retain));
            return Task.CompletedTask;
        };
        await subscriber._client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).WithClientId("test-centre").Build());
        await subscriber._client.SubscribeAsync(filter, MqttQualityOfServiceLevel.AtLeastOnce);
        return subscriber;
    }

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync();
        }

        _client.Dispose();
    }
}
