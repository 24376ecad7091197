namespace GateEdge.Simulator.Demo;

/// <summary>
/// The whole gate on one machine: an embedded broker, the simulated devices on virtual serial
/// ports, the real gateway reading them, and a subscriber printing every decision it receives.
/// </summary>
internal static class DemoRunner
{
    /// <param name="statusPort">The status page's port; 0 picks a free one.</param>
    /// <param name="keep">Keep the demo's folder (journal, logs) after it stops; otherwise it is removed.</param>
    public static async Task<int> RunAsync(int statusPort, bool keep, CancellationToken cancellationToken)
    {
        string dir = Path.Combine(Path.GetTempPath(), $"gateedge-demo-{Environment.ProcessId}");
        string links = Path.Combine(dir, "links");
        Directory.CreateDirectory(links);
        try
        {
            await using var broker = await EmbeddedBroker.StartAsync();
            int port = statusPort == 0 ? EmbeddedBroker.FreeLoopbackPort() : statusPort;
            string configPath = Path.Combine(dir, "gateedge.json");
            await File.WriteAllTextAsync(Path.Combine(dir, "registry.json"), DemoGate.RegistryJson, cancellationToken);
            await File.WriteAllTextAsync(configPath, DemoGate.ConfigJson(links, broker.Port, Path.Combine(dir, "logs", "gateedge.log.json"), port), cancellationToken);

            Console.WriteLine($"GateEdge demo: broker 127.0.0.1:{broker.Port}, status page http://127.0.0.1:{port}, devices and logs in {dir}. Ctrl-C stops.");
            Console.WriteLine($"Lane displays: http://127.0.0.1:{port}/lane/lane1 (zh-CN, with a voice module), /lane/lane2 (en), /lane/lane3.");
            OpenInBrowser($"http://127.0.0.1:{port}/lane/lane1");
            await InProcessGateRun.RunAsync(configPath, DemoGate.Script, links, broker.Port, null, Console.Out, cancellationToken);
            Console.WriteLine(keep ? $"GateEdge demo stopped; its journal and logs are in {dir}." : "GateEdge demo stopped.");
            return 0;
        }
        finally
        {
            if (!keep)
            {
                Directory.Delete(dir, recursive: true);
            }
        }
    }

    /// <summary>On a desktop, the lane page opens in the default browser; elsewhere (a server, CI) the address above is enough.</summary>
    private static void OpenInBrowser(string url)
    {
        bool desktop = Environment.GetEnvironmentVariable("DISPLAY") is { Length: > 0 } || Environment.GetEnvironmentVariable("WAYLAND_DISPLAY") is { Length: > 0 };
        if (!desktop || !File.Exists("/usr/bin/xdg-open"))
        {
            return;
        }

        try
        {
            using var browser = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("/usr/bin/xdg-open", url) { UseShellExecute = false });
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No browser to hand: the address is printed.
        }
    }
}
