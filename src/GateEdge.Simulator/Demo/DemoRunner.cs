using GateEdge.Devices.I2c;
using GateEdge.Hosting;
using GateEdge.Outputs.Gpio;
using GateEdge.Simulator.Script;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GateEdge.Simulator.Demo;

/// <summary>
/// The whole gate on one machine: an embedded broker, the simulated devices on virtual serial
/// ports, the real gateway reading them, and a subscriber printing every decision it receives.
/// </summary>
internal static class DemoRunner
{
    public static async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        string dir = Path.Combine(Path.GetTempPath(), $"gateedge-demo-{Environment.ProcessId}");
        string links = Path.Combine(dir, "links");
        Directory.CreateDirectory(links);

        await using var broker = await EmbeddedBroker.StartAsync();
        var script = DemoGate.Script;
        string configPath = Path.Combine(dir, "gateedge.json");
        await File.WriteAllTextAsync(Path.Combine(dir, "registry.json"), DemoGate.RegistryJson, cancellationToken);
        await File.WriteAllTextAsync(configPath, DemoGate.ConfigJson(links, broker.Port, Path.Combine(dir, "gateedge.log.json")), cancellationToken);
        using var gateway = GatewayHost.Build(configPath, []);

        // The GPIO and I²C devices live on the gateway's own simulated chip and bus.
        var hardware = new InProcessHardware(gateway.Services.GetRequiredService<SimulatedGpioDriver>(),
            (SimulatedI2cBuses)gateway.Services.GetRequiredService<II2cBuses>());
        await using var gate = new SimulatedGate(script, links, hardware);

        Console.WriteLine($"GateEdge demo: broker 127.0.0.1:{broker.Port}, status page http://127.0.0.1:8780, devices and logs in {dir}. Ctrl-C stops.");
        await using var printer = new DecisionPrinter(broker.Port, Console.Out);
        await printer.StartAsync(cancellationToken);

        // The gateway's host stops on SIGTERM or Ctrl-C by itself; the script stops with it.
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken,
            gateway.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping);
        var player = PlayAsync(script, gate, stopping.Token);
        await gateway.RunAsync(cancellationToken);
        await player;
        Console.WriteLine("GateEdge demo stopped.");
        return 0;
    }

    private static async Task PlayAsync(SimulatorScript script, SimulatedGate gate, CancellationToken cancellationToken)
    {
        try
        {
            await gate.GatewayConnected.WaitAsync(cancellationToken);
            await new ScriptPlayer(script, gate, TextWriter.Null).PlayAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
