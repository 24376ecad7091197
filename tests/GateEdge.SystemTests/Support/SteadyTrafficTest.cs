namespace GateEdge.SystemTests.Support;

/// <summary>
/// A broker and a gate whose simulator sends every resident through lane 1 in turn, forever,
/// with repeats of one card allowed at any pace: the traffic the delivery tests run under.
/// </summary>
public abstract class SteadyTrafficTest : IAsyncLifetime
{
    private protected Mosquitto Broker { get; private set; } = null!;

    private protected TestGate Gate { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Broker = await Mosquitto.StartAsync();
        Gate = new TestGate(Broker.Port);
        Gate.WriteGatewayConfig("""{ "DuplicateWindow": "00:00:00" }""");
        Gate.WriteSteadyTrafficScript();
    }

    public async Task DisposeAsync()
    {
        await Broker.DisposeAsync();
        Gate.Dispose();
    }
}
