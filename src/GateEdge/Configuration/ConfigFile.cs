using GateEdge.Common.Messages;
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
    public static GatewayConfiguration Load(string path, bool forService = true) => Load(path, forService, out _);

    /// <param name="positions">Where each setting is in the file, for what is said about it after the load (warnings).</param>
    public static GatewayConfiguration Load(string path, bool forService, out ConfigPositions positions)
    {
        path = Path.GetFullPath(path);
        if (!File.Exists(path))
        {
            throw new GatewayConfigurationException(path, [ConfigMessages.ConfigFileMissing.Say()]);
        }

        positions = ConfigPositions.Read(path);
        var configuration = Refusing(path, () => AddFile(new ConfigurationBuilder(), path).Build());
        return ConfigurationLoader.Load(configuration, path, Path.GetDirectoryName(path)!, positions, forService);
    }

    /// <summary>
    /// Adds the file and the <c>GATEEDGE_</c> environment to <paramref name="builder"/>, as the
    /// service reads them; call after <see cref="ConfigPositions.Read"/>, which names syntax errors
    /// with their place. Whatever the JSON reader still refuses is a configuration problem, never a crash.
    /// </summary>
    public static IConfigurationBuilder AddFile(IConfigurationBuilder builder, string path) =>
        Refusing(path, () => builder.AddJsonFile(path, optional: false, reloadOnChange: false).AddEnvironmentVariables("GATEEDGE_"));

    /// <summary>Runs a load of <paramref name="path"/> (a configuration manager reads the file when it is added, a builder when it is built).</summary>
    private static T Refusing<T>(string path, Func<T> load)
    {
        try
        {
            return load();
        }
        catch (InvalidDataException ex)
        {
            throw new GatewayConfigurationException(path, [ConfigMessages.NotJson.Say(("detail", ex.InnerException?.Message ?? ex.Message))]);
        }
    }
}
