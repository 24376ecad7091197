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
        string configPath = Path.Combine(dir, "gateedge.json");
        await File.WriteAllTextAsync(Path.Combine(dir, "registry.json"), DemoGate.RegistryJson, cancellationToken);
        await File.WriteAllTextAsync(configPath, DemoGate.ConfigJson(links, broker.Port, Path.Combine(dir, "gateedge.log.json")), cancellationToken);

        Console.WriteLine($"GateEdge demo: broker 127.0.0.1:{broker.Port}, status page http://127.0.0.1:8780, devices and logs in {dir}. Ctrl-C stops.");
        await InProcessGateRun.RunAsync(configPath, DemoGate.Script, links, broker.Port, null, Console.Out, cancellationToken);
        Console.WriteLine("GateEdge demo stopped.");
        return 0;
    }
}
