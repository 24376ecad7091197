using GateEdge.Cli;
using GateEdge.Configuration;
using GateEdge.Hosting;
using Serilog;

OwnerOnlyFiles.Apply();

// The host handles SIGTERM and Ctrl-C itself and needs its full shutdown time to flush the
// journal; the command line must not cut it short.
return await GateEdgeCommandLine.Build(RunGatewayAsync).Parse(args).InvokeAsync(new System.CommandLine.InvocationConfiguration { ProcessTerminationTimeout = null });

static async Task<int> RunGatewayAsync(string configPath, CancellationToken cancellationToken)
{
    Log.Logger = GatewayRunner.BootstrapLogger();
    try
    {
        return await GatewayRunner.RunAsync(configPath, cancellationToken);
    }
    catch (GatewayConfigurationException ex)
    {
        Log.Fatal("GateEdge cannot start: {Problems}", ex.Message);
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
