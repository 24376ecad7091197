using System.Globalization;
using System.Text;
using System.Text.Json;

namespace GateEdge.Benchmarks.Load;

/// <summary>Writes a run's numbers (results.json), a Markdown summary (results.md) and the curves (SVG) into one folder.</summary>
internal static class Report
{
    public static void Write(string folder, string machine, IReadOnlyList<LoadResult> load, BacklogResult? backlog, IReadOnlyList<RegistryPoint> registry)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "results.json"), JsonSerializer.Serialize(new { machine, load, backlog, registry },
            new JsonSerializerOptions { WriteIndented = true, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals }));

        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"Machine: {machine}").AppendLine();
        if (load.Count > 0)
        {
            md.AppendLine("| lanes | decisions/s | decision p50 / p95 / p99 (ms) | event p50 / p99 (ms) | CPU (% of a core) | RSS peak / steady (MiB) | of which private (MiB) | start to ready (ms) |");
            md.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var r in load)
            {
                md.AppendLine(CultureInfo.InvariantCulture,
                    $"| {r.Lanes} | {r.DecisionsPerSecond:0.0} | {r.DecisionP50Ms:0.00} / {r.DecisionP95Ms:0.00} / {r.DecisionP99Ms:0.00} | {r.EventP50Ms:0.0} / {r.EventP99Ms:0.0} | {r.CpuPercent:0} | {r.PeakRssMiB:0} / {r.SteadyRssMiB:0} | {r.SteadyPrivateMiB:0} | {r.StartToReadyMs:0} |");
            }

            File.WriteAllText(Path.Combine(folder, "lanes-latency.svg"), SvgChart.Line("Decision latency by lanes (1 presentation/s per lane)", "lanes", "ms", logX: true,
                [("p99", [.. load.Select(r => ((double)r.Lanes, r.DecisionP99Ms))]), ("p50", [.. load.Select(r => ((double)r.Lanes, r.DecisionP50Ms))])], target: 2));
            File.WriteAllText(Path.Combine(folder, "lanes-resources.svg"), SvgChart.Line("GateEdge process by lanes", "lanes", "CPU % of a core / RSS MiB", logX: true,
                [("CPU %", [.. load.Select(r => ((double)r.Lanes, r.CpuPercent))]), ("steady RSS MiB", [.. load.Select(r => ((double)r.Lanes, r.SteadyRssMiB))]),
                 ("of which private MiB", [.. load.Select(r => ((double)r.Lanes, r.SteadyPrivateMiB))])]));
        }

        if (backlog is { } b)
        {
            md.AppendLine().AppendLine(CultureInfo.InvariantCulture,
                $"Backlog of {b.Events:N0} events drained in {b.DrainSeconds:0.0} s: {b.EventsPerSecond:0} events/s while a lane decided {b.DecidedMeanwhile} passages; "
                + $"raw MQTTnet QoS 1 on the same broker {b.RawMessagesPerSecond:0} messages/s; ratio {b.Ratio:0.00}. "
                + $"CPU per event: gateway {b.GatewayCpuMicrosPerEvent:0.0} µs, raw MQTTnet client {b.RawCpuMicrosPerMessage:0.0} µs.");
        }

        if (registry.Count > 0)
        {
            md.AppendLine().AppendLine("| persons | lookup (ns) | full snapshot applied (s) | snapshot size (MiB) |").AppendLine("|---:|---:|---:|---:|");
            foreach (var p in registry)
            {
                md.AppendLine(CultureInfo.InvariantCulture,
                    $"| {p.Persons:N0} | {p.LookupNs:0} | {(p.SnapshotApplySeconds is { } s ? s.ToString("0.00", CultureInfo.InvariantCulture) : "over the 16 MiB bound")} | {p.SnapshotBytes / 1048576.0:0.0} |");
            }

            File.WriteAllText(Path.Combine(folder, "registry.svg"), SvgChart.Line("Registry lookup by size", "persons", "ns per lookup", logX: true,
                [("lookup", [.. registry.Select(p => ((double)p.Persons, p.LookupNs))])], target: 1000));
        }

        File.WriteAllText(Path.Combine(folder, "results.md"), md.ToString());
    }

    /// <summary>Writes the summary and the curves again from a folder's results.json, keeping the machine line it was measured on.</summary>
    public static void Rewrite(string folder)
    {
        var options = new JsonSerializerOptions { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };
        using var results = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "results.json")));
        var root = results.RootElement;
        Write(folder, root.GetProperty("machine").GetString()!,
            root.GetProperty("load").Deserialize<List<LoadResult>>(options)!,
            root.GetProperty("backlog").Deserialize<BacklogResult?>(options),
            root.GetProperty("registry").Deserialize<List<RegistryPoint>>(options)!);
    }

    public static string ThisMachine() =>
        $"{Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1L << 30)} GiB, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}, {DateTime.UtcNow:yyyy-MM-dd}";
}
