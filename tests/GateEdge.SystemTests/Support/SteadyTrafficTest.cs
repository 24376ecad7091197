namespace GateEdge.SystemTests.Support;

/// <summary>
/// A gate whose simulator sends every resident through lane 1 in turn, forever, with repeats of
/// one card allowed at any pace: the traffic the delivery tests run under.
/// </summary>
public abstract class SteadyTrafficTest : GateTest
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Gate.WriteGatewayConfig("""{ "DuplicateWindow": "00:00:00", "MaskRequired": false }""");
        Gate.WriteSteadyTrafficScript();
    }
}
