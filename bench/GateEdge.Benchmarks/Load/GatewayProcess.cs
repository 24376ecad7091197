using System.Diagnostics;

namespace GateEdge.Benchmarks.Load;

/// <summary>The real GateEdge, as its own process (the one built beside this harness), so its memory and CPU are its own.</summary>
internal sealed class GatewayProcess : IAsyncDisposable
{
    private GatewayProcess(Process process) => Process = process;

    public Process Process { get; }

    public static GatewayProcess Start(string configPath)
    {
        // GATEEDGE_BENCH_GATEWAY names a native release (deploy/publish.sh) to measure instead of the JIT build beside the harness.
        var native = Environment.GetEnvironmentVariable("GATEEDGE_BENCH_GATEWAY");
        return string.IsNullOrEmpty(native)
            ? Start("dotnet", [Path.Combine(AppContext.BaseDirectory, "GateEdge.dll"), "--config", configPath])
            : Start(native, ["--config", configPath]);
    }

    /// <summary>Any program in the gateway's place (<c>idle --floor</c> measures a bare select() loop).</summary>
    public static GatewayProcess Start(string file, IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        // The run's files are the bench's own, in a temporary folder: not the installed service's to read.
        info.Environment["GATEEDGE_SERVICE_USER"] = "-";
        var process = Process.Start(info)!;
        // Drained so a chatty gateway never blocks on a full pipe; warnings and errors are kept for the report.
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new GatewayProcess(process);

        void Keep(string? line)
        {
            // GATEEDGE_BENCH_LOG names a file that gets every line the gateway prints, to see what a slow run did.
            if (line is not null && Environment.GetEnvironmentVariable("GATEEDGE_BENCH_LOG") is { Length: > 0 } log)
            {
                lock (Problems)
                {
                    File.AppendAllText(log, line + "\n");
                }
            }

            if (line is not null && (line.Contains("[ERR]", StringComparison.Ordinal) || line.Contains("[FTL]", StringComparison.Ordinal)))
            {
                lock (Problems)
                {
                    Problems.Add(line);
                }
            }
        }
    }

    public static List<string> Problems { get; } = [];

    /// <summary>SIGTERM, as systemd stops it, then waits.</summary>
    public async Task StopAsync()
    {
        if (!Process.HasExited)
        {
            using var kill = Process.Start("kill", ["-TERM", Process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await Process.WaitForExitAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        if (!Process.HasExited)
        {
            Process.Kill(entireProcessTree: true);
            await Process.WaitForExitAsync();
        }

        Process.Dispose();
    }
}
