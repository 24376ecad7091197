using Microsoft.Extensions.Configuration;

namespace GateEdge.Configuration;

/// <summary>Loads a configuration file the way the service does: for the technician's verbs and to check a pushed configuration.</summary>
internal static class ConfigFile
{
    public const string DefaultPath = "config/gateedge.json";

    public static GatewayConfiguration Load(string path)
    {
        path = Path.GetFullPath(path);
        if (!File.Exists(path))
        {
            throw new GatewayConfigurationException(path, ["the configuration file does not exist"]);
        }

        var positions = ConfigPositions.Read(path);
        IConfiguration configuration;
        try
        {
            configuration = new ConfigurationBuilder().AddJsonFile(path, optional: false).AddEnvironmentVariables("GATEEDGE_").Build();
        }
        catch (InvalidDataException ex)
        {
            throw new GatewayConfigurationException(path, [$"not valid JSON: {ex.InnerException?.Message ?? ex.Message}"]);
        }

        return ConfigurationLoader.Load(configuration, path, Path.GetDirectoryName(path)!, positions);
    }
}
