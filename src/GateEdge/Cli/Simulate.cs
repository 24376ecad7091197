using System.Diagnostics;

namespace GateEdge.Cli;

/// <summary>
/// <c>gateedge simulate</c>: rehearses this configuration on simulated devices and an embedded
/// broker, by running the simulator's <c>rehearse</c> (GateEdge.Simulator). The simulator ships
/// with the source, not with a gate's release: where it is not beside this program, the verb
/// says how to run it.
/// </summary>
internal static class Simulate
{
    public static async Task<int> RunAsync(string configPath, int? seconds, TextWriter output, CancellationToken cancellationToken)
    {
        var simulator = Path.Combine(AppContext.BaseDirectory, "GateEdge.Simulator.dll");
        var arguments = new List<string> { "rehearse", "--config", Path.GetFullPath(configPath) };
        if (seconds is { } s)
        {
            arguments.AddRange(["--seconds", s.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        }

        if (!File.Exists(simulator))
        {
            output.WriteLine("the simulator is not installed beside this program (gate releases leave it out). From the source tree run:");
            output.WriteLine($"  dotnet run --project src/GateEdge.Simulator -- {string.Join(' ', arguments)}");
            return 2;
        }

        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false };
        start.ArgumentList.Add(simulator);
        arguments.ForEach(start.ArgumentList.Add);
        using var process = Process.Start(start)!;
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Ctrl-C reached the simulator too, in the same terminal: it ends its rehearsal by itself.
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        }

        return process.ExitCode;
    }
}
