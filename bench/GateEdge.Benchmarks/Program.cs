using BenchmarkDotNet.Running;
using GateEdge.Benchmarks.Load;

// dotnet run -c Release --project bench/GateEdge.Benchmarks -- micro [BenchmarkDotNet arguments]
// dotnet run -c Release --project bench/GateEdge.Benchmarks -- idle --lanes 1,8 --seconds 60  (a gate at rest: CPU-s per minute, RSS)
// dotnet run -c Release --project bench/GateEdge.Benchmarks -- idle --lanes 1 --floor        (the same devices polled by a bare select() loop)
// dotnet run -c Release --project bench/GateEdge.Benchmarks -- load --lanes 1,8,64 --seconds 30 --out DIR
// dotnet run -c Release --project bench/GateEdge.Benchmarks -- backlog --events 1000000 --out DIR
// dotnet run -c Release --project bench/GateEdge.Benchmarks -- registry --sizes 1000,10000,100000,1000000 --out DIR
// dotnet run -c Release --project bench/GateEdge.Benchmarks -- relay --readers sam,osdp,osdp-secure --cards 40 [--resting]  (card placed → relay, lines paced at their baud)
// dotnet run -c Release --project bench/GateEdge.Benchmarks -- centre --gateways 1000 --events 200000 --workers 2  (the reference centre's ingest, verify, signing cost)
// dotnet run -c Release --project bench/GateEdge.Benchmarks -- all --out DIR       (what bench/run.sh runs)
// dotnet run -c Release --project bench/GateEdge.Benchmarks -- report --out DIR    (results.md and the curves again, from DIR/results.json)
string verb = args.Length > 0 ? args[0] : "micro";
if (verb == "micro" || verb.StartsWith('-'))
{
    BenchmarkSwitcher.FromAssembly(typeof(GateEdge.Benchmarks.CodecBenchmarks).Assembly).Run(verb == "micro" ? args[1..] : args);
    return 0;
}

if (verb == "idle")
{
    foreach (var lanes in Ints("--lanes", "1,8"))
    {
        await IdleRun.RunAsync(lanes, TimeSpan.FromSeconds(Ints("--seconds", "60")[0]), args.Contains("--floor"), Console.Out);
    }

    return 0;
}

if (verb == "relay")
{
    foreach (var reader in Option("--readers", "sam,osdp,osdp-secure").Split(','))
    {
        await RelayRun.RunAsync(reader, Ints("--cards", "40")[0], Ints("--baud", reader == "sam" ? "115200" : "9600")[0], args.Contains("--resting"), Console.Out);
    }

    return 0;
}

if (verb == "centre")
{
    await CentreRun.RunAsync(Ints("--gateways", "1000")[0], Ints("--events", "200000")[0], Ints("--workers", "2")[0], Console.Out);
    return 0;
}

var output = Option("--out", Path.Combine("bench", "results"));
if (verb == "report")
{
    Report.Rewrite(output);
    return 0;
}

bool all = verb == "all";
var load = new List<LoadResult>();
BacklogResult? backlog = null;
var registry = new List<RegistryPoint>();
if (all || verb == "registry")
{
    registry.AddRange(Ints("--sizes", "1000,10000,100000,1000000").Select(n => RegistryCurve.Measure(n, Console.Out)));
}

if (all || verb == "load")
{
    foreach (var lanes in Ints("--lanes", "1,8,32,64,128"))
    {
        load.Add(await LoadRun.RunAsync(lanes, TimeSpan.FromSeconds(Ints("--seconds", "30")[0]), Console.Out));
    }
}

if (all || verb == "backlog")
{
    backlog = await BacklogRun.RunAsync(Ints("--events", "1000000")[0], Console.Out);
}

Report.Write(output, Report.ThisMachine(), load, backlog, registry);
Console.WriteLine($"results in {Path.GetFullPath(output)}");
foreach (var problem in GatewayProcess.Problems)
{
    Console.WriteLine($"gateway problem during the runs: {problem}");
}

return 0;

string Option(string name, string fallback) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? fallback;

List<int> Ints(string name, string fallback) => [.. Option(name, fallback).Split(',').Select(int.Parse)];
