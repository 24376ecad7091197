using System.CommandLine;
using GateEdge.Simulator.Demo;
using GateEdge.Simulator.Script;

// GateEdge.Simulator run --script FILE [--links DIR] [--hold]  play a script on virtual serial ports
// GateEdge.Simulator demo [--status-port N] [--keep]            broker + simulator + gateway, decisions live
// GateEdge.Simulator rehearse --config FILE [--seconds N]       a technician's configuration on simulated devices
// Lives as long as the process: ProcessExit may still cancel it after Main has returned.
var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.Cancel();

var parsed = SimulatorCommandLine().Parse(args);
try
{
    // The simulator handles Ctrl-C and SIGTERM itself (above), so the demo can stop its gateway in order.
    int exit = await parsed.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null, EnableDefaultExceptionHandler = false });
    return parsed.Errors.Count > 0 ? 2 : exit;
}
catch (Exception ex) when (ex is ArgumentException or InvalidDataException or IOException or FormatException or OverflowException)
{
    Console.Error.WriteLine($"simulator: {ex.Message}");
    return 2;
}

RootCommand SimulatorCommandLine()
{
    var script = new Option<string>("--script") { Description = "The script to play (docs/simulator.md)", Required = true };
    var links = new Option<string>("--links") { Description = "Folder for the virtual ports' stable paths", DefaultValueFactory = _ => Path.Combine(Path.GetTempPath(), "gateedge-sim") };
    var hold = new Option<bool>("--hold") { Description = "Keep the ports open after the script is done" };
    var run = new Command("run", "Play a script on virtual serial ports, for a gateway configured with those ports") { script, links, hold };
    run.SetAction(result => RunAsync(result.GetValue(script)!, result.GetValue(links)!, result.GetValue(hold), stop.Token));

    var statusPort = new Option<ushort>("--status-port") { Description = "The demo gateway's status page port (0: any free)", DefaultValueFactory = _ => 8780 };
    var keep = new Option<bool>("--keep") { Description = "Keep the demo's folder (configuration, journal, logs) when it stops" };
    var demo = new Command("demo", "An embedded broker, simulated devices and a gateway: decisions printed live") { statusPort, keep };
    demo.SetAction(result => DemoRunner.RunAsync(result.GetValue(statusPort), result.GetValue(keep), stop.Token));

    var config = new Option<string>("--config") { Description = "The technician's gateway configuration", Required = true };
    var seconds = new Option<int?>("--seconds") { Description = "How long to rehearse; until Ctrl-C when left out" };
    var rehearse = new Command("rehearse", "A technician's configuration on simulated devices and an embedded broker") { config, seconds };
    rehearse.SetAction(result => GateEdge.Simulator.Rehearsal.RehearsalRunner.RunAsync(result.GetValue(config)!,
        result.GetValue(seconds) is { } s ? TimeSpan.FromSeconds(s) : null, Console.Out, stop.Token));

    return new RootCommand("GateEdge.Simulator: the gate's devices on virtual serial ports, speaking their real protocols") { run, demo, rehearse };
}

static async Task<int> RunAsync(string scriptPath, string links, bool hold, CancellationToken cancellationToken)
{
    var script = SimulatorScript.Load(scriptPath);
    await using var gate = new SimulatedGate(script, links);
    foreach (var (device, line) in gate.Lines)
    {
        Console.WriteLine($"port {device} {line.LinkPath}");
    }

    foreach (var (device, voice) in gate.VoiceModules)
    {
        voice.Spoke += said => Console.WriteLine($"voice {device} said{(said.Interrupted ? ", interrupting" : "")}: {said.Text} [{Convert.ToHexString(said.Frame)}]");
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
