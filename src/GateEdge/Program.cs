using GateEdge.Cli;
using GateEdge.Common.Messages;
using GateEdge.Configuration;
using GateEdge.Hosting;
using Serilog;

OwnerOnlyFiles.Apply();

// The host handles SIGTERM and Ctrl-C itself and needs its full shutdown time to flush the
// journal; the command line must not cut it short.
// Help in the technician's language; the catalogue's plain strings work in the invariant globalization mode the box runs in.
var parsed = GateEdgeCommandLine.Build(RunGatewayAsync, GateEdgeCommandLine.LanguageOf(args)).Parse(args);
try
{
    int exit = await parsed.InvokeAsync(new System.CommandLine.InvocationConfiguration { ProcessTerminationTimeout = null, EnableDefaultExceptionHandler = false });
    // A mistyped verb or option is a usage error: exit code 2, as documented in --help.
    return parsed.Errors.Count > 0 ? 2 : exit;
}
catch (GatewayConfigurationException ex)
{
    // A technician's verb on a configuration it cannot use: the problems, each with its place; no stack trace.
    Console.Out.WriteLine(ex.In(GateEdgeCommandLine.LanguageOf(parsed)));
    return 2;
}
catch (ToolProblem problem)
{
    Console.Error.WriteLine($"gateedge: {problem.Said.In(GateEdgeCommandLine.LanguageOf(parsed))}");
    return 1;
}
catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException or Microsoft.Data.Sqlite.SqliteException
    or DllNotFoundException or PlatformNotSupportedException)
{
    Console.Error.WriteLine($"gateedge: {ex.Message}");
    return 1;
}

static async Task<int> RunGatewayAsync(string configPath, GateEdge.Common.Messages.Language language, CancellationToken cancellationToken)
{
    Log.Logger = GatewayRunner.BootstrapLogger();
    try
    {
        return await GatewayRunner.RunAsync(configPath, cancellationToken);
    }
    catch (GatewayConfigurationException ex)
    {
        StartRefusal.Write(ex, Console.Error, language);
        return 2;
    }
    catch (Exception ex)
    {
        Log.Fatal(ex, "GateEdge stopped unexpectedly");
        return 1;
    }
    finally
    {
        await Log.CloseAndFlushAsync();
    }
}
