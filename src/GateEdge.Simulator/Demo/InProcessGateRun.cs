using GateEdge.Devices.I2c;
using GateEdge.Hosting;
using GateEdge.Outputs.Gpio;
using GateEdge.Prompts;
using GateEdge.Simulator.Script;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GateEdge.Simulator.Demo;

/// <summary>
/// A whole gate in this process: the real gateway built from a configuration file, the simulated
/// devices of a script (GPIO and I²C ones on the gateway's own simulated chip and bus), the script
/// played once the gateway polls its devices, every decision printed as the centre receives it, and
/// what each lane tells the person printed as it says it.
/// The demo and a technician's rehearsal both run on it.
/// </summary>
internal static class InProcessGateRun
{
    /// <param name="duration">How long to run; null until Ctrl-C.</param>
    public static async Task RunAsync(string configPath, SimulatorScript script, string links, int brokerPort, TimeSpan? duration, TextWriter output,
        CancellationToken cancellationToken)
    {
        using var gateway = GatewayHost.Build(configPath, []);
        var hardware = new InProcessHardware(gateway.Services.GetRequiredService<SimulatedGpioDriver>(),
            (SimulatedI2cBuses)gateway.Services.GetRequiredService<II2cBuses>());
        await using var gate = new SimulatedGate(script, links, hardware);
        await using var printer = new DecisionPrinter(brokerPort, output);
        await printer.StartAsync(cancellationToken);
        gateway.Services.GetRequiredService<LanePromptBoard>().Changed += display =>
        {
            if (display.Prompt != "ready")
            {
                output.WriteLine($"{display.At.ToLocalTime():HH:mm:ss}  {display.Lane,-5} says “{display.Text}”");
            }
        };

        using var running = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (duration is { } limit)
        {
            running.CancelAfter(limit);
        }

        // The gateway's host also stops on SIGTERM or Ctrl-C by itself; the script stops with it.
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(running.Token,
            gateway.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping);
        var player = PlayAsync(script, gate, stopping.Token);
        await gateway.RunAsync(running.Token);
        await player;
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
