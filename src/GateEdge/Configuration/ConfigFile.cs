using Microsoft.Extensions.Configuration;

namespace GateEdge.Configuration;

/// <summary>Loads a configuration file the way the service does: for the technician's verbs and to check a pushed configuration.</summary>
internal static class ConfigFile
{
    /// <summary>Where an installed gateway's configuration is; <c>GATEEDGE_CONFIG</c> names another.</summary>
    public const string InstalledPath = "/etc/gateedge/gateedge.json";

    /// <summary>The configuration every verb reads when none is given: <c>GATEEDGE_CONFIG</c>, else <see cref="InstalledPath"/>.</summary>
    public static string DefaultPath() => Environment.GetEnvironmentVariable("GATEEDGE_CONFIG") is { Length: > 0 } path ? path : InstalledPath;

    /// <param name="forService">False for the technician's tools (devices, journal, lists): they are not held to what only the running service needs (broker CA and password, keys, a writable state folder, libgpiod), so wiring can come before them.</param>
    public static GatewayConfiguration Load(string path, bool forService = true)
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

        return ConfigurationLoader.Load(configuration, path, Path.GetDirectoryName(path)!, positions, forService);
    }
}
