namespace GateEdge.SystemTests.Support;

/// <summary>A real broker a system test runs its gateway against.</summary>
internal interface ITestBroker : IAsyncDisposable
{
    int Port { get; }

    /// <summary>The gateway's <c>Mqtt.ProtocolVersion</c> setting this broker speaks.</summary>
    string ProtocolVersion { get; }

    static async Task<ITestBroker> StartAsync(string kind) => kind switch
    {
        "mosquitto" => await Mosquitto.StartAsync(),
        "rabbitmq" => await RabbitMq.StartAsync(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "no such test broker"),
    };
}
