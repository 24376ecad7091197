using GateEdge.SystemTests.Support;

namespace GateEdge.SystemTests;

/// <summary>
/// The native releases deploy/publish.sh ships run the real scenario: a lane over pseudo-terminals,
/// every attempt decided on its own reading, journalled and delivered to the centre, and told to
/// the person by the voice module in GB2312 (the code page tables survive trimming). The arm64
/// release runs it under qemu-user with Debian's arm64 libraries: behaviour only, its timing
/// means nothing there.
/// </summary>
public sealed class NativeReleaseSystemTests : GateTest
{
    [Fact]
    public async Task The_native_x64_release_decides_a_lane_and_delivers_every_event()
    {
        var gateway = await NativeRelease.X64GatewayAsync();
        await RunLaneAsync(() => Gate.StartGateway(gateway, []));
    }

    [Fact]
    public async Task The_native_arm64_release_decides_the_same_lane_under_qemu()
    {
        var gateway = await NativeRelease.Arm64GatewayAsync();
        await RunLaneAsync(() => Gate.StartGateway("qemu-aarch64-static", [gateway]));
    }

    private async Task RunLaneAsync(Func<ChildProcess> startGateway)
    {
        Gate.WriteGatewayConfig("""{ "MaskRequired": false }""", voice: true);
        Gate.WriteScript(TestGate.Residents.Select((_, i) => (i, TestGate.BodyC(i), "00:00:00.3")), loop: true, measureTime: "00:00:00.3", leaveTime: "00:00:00.1", voice: true);
        await using var centre = await CentreSubscriber.ConnectAsync(Broker.Port);
        await using var gateway = startGateway();
        await using var simulator = Gate.StartSimulator();

        await Eventually.True(() => centre.SeqCount >= 5, () => $"five decisions at the centre\n{gateway.Output}", TimeSpan.FromSeconds(90));
        await simulator.StopAsync(TimeSpan.FromSeconds(10));
        await Delivery.AllDeliveredAsync(centre, Gate.JournalPath);

        Delivery.AssertCompleteAndOrdered(centre, Gate.JournalPath);
        Assert.All(centre.Passages, p => Assert.Equal("allow", p.GetProperty("outcome").GetString()));
        Assert.Contains(simulator.Lines, l => l.StartsWith("voice lane1-voice said", StringComparison.Ordinal)
            && l.EndsWith(": 体温正常，请通行 [FD00130100CCE5CEC2D5FDB3A3A3ACC7EBCDA8D0D0B4]", StringComparison.Ordinal));
    }
}
