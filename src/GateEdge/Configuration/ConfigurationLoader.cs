using Microsoft.Extensions.Configuration;

namespace GateEdge.Configuration;

/// <summary>
/// Binds every section strictly (a misspelt key is an error, not a silent default), resolves
/// relative paths against the configuration file, and validates the result.
/// </summary>
internal static class ConfigurationLoader
{
    public static GatewayConfiguration Load(IConfiguration configuration, string source, string baseDirectory)
    {
        var problems = new List<string>();
        var result = new GatewayConfiguration
        {
            Gateway = Bind<GatewayOptions>(configuration, "Gateway", problems),
            Devices = Bind<DevicesOptions>(configuration, "Devices", problems),
            Lanes = Bind<List<Lanes.LaneOptions>>(configuration, "Lanes", problems),
            Rules = Bind<Rules.RulePolicy>(configuration, "Rules", problems),
            Registry = Bind<Registry.RegistryOptions>(configuration, "Registry", problems),
            Mqtt = Bind<Publishing.MqttOptions>(configuration, "Mqtt", problems),
            Journal = Bind<Journal.JournalOptions>(configuration, "Journal", problems),
            Commands = Bind<Commands.CommandOptions>(configuration, "Commands", problems),
            Privacy = Bind<Privacy.PrivacyOptions>(configuration, "Privacy", problems),
            Outputs = Bind<Outputs.Gpio.GpioOutputOptions>(configuration, "Outputs", problems),
            StatusPage = Bind<Status.StatusPageOptions>(configuration, "StatusPage", problems),
        };

        result.Gateway.StateDirectory = Path.GetFullPath(result.Gateway.StateDirectory, baseDirectory);
        result.Journal.Path = Path.GetFullPath(result.Journal.Path, result.Gateway.StateDirectory);
        result.Registry.SeedFile = FullPathOrNull(result.Registry.SeedFile, baseDirectory);

        result.Mqtt.CaFile = FullPathOrNull(result.Mqtt.CaFile, baseDirectory);
        result.Mqtt.ClientCertificateFile = FullPathOrNull(result.Mqtt.ClientCertificateFile, baseDirectory);
        result.Mqtt.ClientKeyFile = FullPathOrNull(result.Mqtt.ClientKeyFile, baseDirectory);
        result.Mqtt.PasswordFile = FullPathOrNull(result.Mqtt.PasswordFile, baseDirectory);
        result.Commands.KeyFile = FullPathOrNull(result.Commands.KeyFile, baseDirectory);
        result.Privacy.IdentityKeyFile = FullPathOrNull(result.Privacy.IdentityKeyFile, baseDirectory);
        result.StatusPage.TokenFile = FullPathOrNull(result.StatusPage.TokenFile, baseDirectory);

        problems.AddRange(ConfigurationValidator.Validate(result));
        if (problems.Count > 0)
        {
            throw new GatewayConfigurationException(source, problems);
        }

        return result;
    }

    private static string? FullPathOrNull(string? path, string baseDirectory) =>
        string.IsNullOrWhiteSpace(path) ? null : Path.GetFullPath(path, baseDirectory);

    private static T Bind<T>(IConfiguration configuration, string section, List<string> problems) where T : new()
    {
        var value = new T();
        try
        {
            configuration.GetSection(section).Bind(value, o => o.ErrorOnUnknownConfiguration = true);
        }
        catch (InvalidOperationException ex) when (ex.Message.Contains("ErrorOnUnknownConfiguration", StringComparison.Ordinal))
        {
            // The binder names the unknown keys after the last colon, each in quotes.
            var unknown = ex.Message[(ex.Message.LastIndexOf(':') + 1)..].Trim();
            problems.Add($"{section}: unknown setting(s) {unknown}; check the spelling against config/README.md");
            // Bound again leniently, so the known settings are checked too instead of reported missing.
            value = new T();
            try
            {
                configuration.GetSection(section).Bind(value);
            }
            catch (InvalidOperationException invalid)
            {
                problems.Add($"{section}: {invalid.Message}");
            }
        }
        catch (InvalidOperationException ex)
        {
            problems.Add($"{section}: {ex.Message}");
        }

        return value;
    }
}
