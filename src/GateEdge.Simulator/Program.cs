using GateEdge.Simulator.Demo;
using GateEdge.Simulator.Script;

// GateEdge.Simulator run --script FILE --links DIR [--hold]   play a script on virtual serial ports
// GateEdge.Simulator demo [--status-port N] [--keep]          broker + simulator + gateway, decisions live
// GateEdge.Simulator rehearse --config FILE [--seconds N]     a technician's configuration on simulated devices
// Lives as long as the process: ProcessExit may still cancel it after Main has returned.
var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.Cancel();

string verb = args.Length > 0 ? args[0] : "help";
try
{
    switch (verb)
    {
        case "run":
            return await RunAsync(Option("--script") ?? throw new ArgumentException("run needs --script FILE"),
                Option("--links") ?? Path.Combine(Path.GetTempPath(), "gateedge-sim"), args.Contains("--hold"), stop.Token);
        case "demo":
            return await DemoRunner.RunAsync(Option("--status-port") is { } statusPort ? ushort.Parse(statusPort, System.Globalization.CultureInfo.InvariantCulture) : 8780,
                args.Contains("--keep"), stop.Token);
        case "rehearse":
            return await GateEdge.Simulator.Rehearsal.RehearsalRunner.RunAsync(Option("--config") ?? throw new ArgumentException("rehearse needs --config FILE"),
                Option("--seconds") is { } seconds ? TimeSpan.FromSeconds(int.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture)) : null, Console.Out, stop.Token);
        default:
            Console.WriteLine("usage: GateEdge.Simulator run --script FILE [--links DIR] [--hold] | demo [--status-port N (0: any free)] [--keep] | rehearse --config FILE [--seconds N]");
            return verb == "help" ? 0 : 2;
    }
}
catch (Exception ex) when (ex is ArgumentException or InvalidDataException or IOException or FormatException or OverflowException)
{
    Console.Error.WriteLine($"simulator: {ex.Message}");
    return 2;
}

static async Task<int> RunAsync(string scriptPath, string links, bool hold, CancellationToken cancellationToken)
{
    var script = SimulatorScript.Load(scriptPath);
    await using var gate = new SimulatedGate(script, links);
    foreach (var (device, line) in gate.Lines)
    {
        Console.WriteLine($"port {device} {line.LinkPath}");
    }

    Console.WriteLine("ready");
    try
    {
        await gate.GatewayConnected.WaitAsync(cancellationToken);
        Console.WriteLine("gateway connected");
        var faults = new FaultPlayer(script.Faults, gate, Console.Out).PlayAsync(cancellationToken);
        await new ScriptPlayer(script, gate, Console.Out).PlayAsync(cancellationToken);
        await faults;
        Console.WriteLine("script done");
        if (hold)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
    }
    catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
    {
    }

    return 0;
}

string? Option(string name)
{
    int i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
