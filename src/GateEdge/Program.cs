using GateEdge.Configuration;
using GateEdge.Hosting;
using Serilog;

Log.Logger = new LoggerConfiguration().WriteTo.Console().CreateBootstrapLogger();
try
{
    string configPath = ArgumentValue(args, "--config") ?? Path.Combine("config", "gateedge.json");
    using var host = GatewayHost.Build(configPath, args);
    await host.RunAsync();
    return Environment.ExitCode;
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

static string? ArgumentValue(string[] args, string name)
{
    int i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
