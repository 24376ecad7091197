namespace GateEdge.SystemTests.Support;

/// <summary>A private mosquitto and the files of one gate, for tests that run a gateway against them.</summary>
public abstract class GateTest : IAsyncLifetime
{
    private protected Mosquitto Broker { get; private set; } = null!;

    private protected TestGate Gate { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        Broker = await Mosquitto.StartAsync();
        Gate = new TestGate(Broker.Port);
    }

    public async Task DisposeAsync()
    {
        await Broker.DisposeAsync();
        Gate.Dispose();
    }
}
