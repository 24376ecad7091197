using System.Buffers;
using System.Text.Json;
using MQTTnet;

namespace GateEdge.Simulator.Demo;

/// <summary>Subscribes to the broker like a central service would and prints each decision as it arrives.</summary>
internal sealed class DecisionPrinter(int brokerPort, TextWriter output) : IAsyncDisposable
{
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _client.ApplicationMessageReceivedAsync += e =>
        {
            if (e.ApplicationMessage.Topic.EndsWith("/event/passage", StringComparison.Ordinal))
            {
                // A signature line, then the body (docs/mqtt.md): the demo prints the body.
                Print(JsonDocument.Parse(GateEdge.Evidence.GatewayMessage.Split(e.ApplicationMessage.Payload.ToArray()).Body).RootElement);
            }

            return Task.CompletedTask;
        };
        await _client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", brokerPort).WithClientId("demo-centre").Build(), cancellationToken);
        await _client.SubscribeAsync("gateedge/v1/#", MQTTnet.Protocol.MqttQualityOfServiceLevel.AtLeastOnce, cancellationToken);
        await output.WriteLineAsync("time      lane  dir  identity                  temp      mask      outcome  rules     reason");
    }

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync();
        }

        _client.Dispose();
    }

    private void Print(JsonElement e)
    {
        var time = e.GetProperty("time").GetDateTimeOffset().ToLocalTime().ToString("HH:mm:ss");
        var credential = e.GetProperty("credential").GetProperty("masked").GetString();
        var name = e.GetProperty("person").GetProperty("name").GetString();
        var body = e.GetProperty("temperature").GetProperty("bodyC");
        var temp = body.ValueKind == JsonValueKind.Number ? $"{body.GetDecimal():0.0} °C" : "—";
        var rules = string.Join(",", e.GetProperty("rules").EnumerateArray().Select(r => r.GetString()));
        var reasons = string.Join("; ", e.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
        var mask = e.GetProperty("mask").GetProperty("status").GetString() is "not-checked" ? "—" : e.GetProperty("mask").GetProperty("status").GetString();
        var identity = $"{credential} {name}";
        output.WriteLine($"{time}  {e.GetProperty("lane").GetString(),-5} {e.GetProperty("direction").GetString(),-4} {identity,-24} {temp,-9} {mask,-9} {e.GetProperty("outcome").GetString(),-8} {rules,-9} {reasons}");
    }
}
