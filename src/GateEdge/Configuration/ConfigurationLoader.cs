using Microsoft.Extensions.Configuration;

namespace GateEdge.Configuration;

/// <summary>
/// Binds every section strictly (a misspelt key is an error, not a silent default), resolves
/// relative paths against the configuration file, and validates the result.
/// </summary>
internal static class ConfigurationLoader
{
    /// <summary>The sections a configuration file may have; anything else at the top is a misspelling or a setting GateEdge does not read.</summary>
    public static readonly string[] Sections =
        ["Gateway", "Devices", "Lanes", "Rules", "Registry", "Mqtt", "Journal", "Commands", "Privacy", "Outputs", "StatusPage", "Serilog"];

    public static GatewayConfiguration Load(IConfiguration configuration, string source, string baseDirectory)
    {
        // A NUL cannot be part of a path or a name; it would throw wherever the value is used, so it stops the check here.
        var nul = configuration.AsEnumerable().Where(kv => kv.Value?.Contains('\0', StringComparison.Ordinal) == true)
            .Select(kv => $"{kv.Key.Replace(':', '.')}: holds a NUL character").ToList();
        if (nul.Count > 0)
        {
            throw new GatewayConfigurationException(source, nul);
        }

        var problems = UnknownSections(source);
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
        foreach (var key in result.Commands.CentreKeys)
        {
            key.PublicKeyFile = FullPathOrNull(key.PublicKeyFile, baseDirectory) ?? "";
        }

        result.Privacy.IdentitySealingKeyFile = FullPathOrNull(result.Privacy.IdentitySealingKeyFile, baseDirectory);
        result.StatusPage.TokenFile = FullPathOrNull(result.StatusPage.TokenFile, baseDirectory);

        problems.AddRange(ConfigurationValidator.Validate(result));
        if (problems.Count > 0)
        {
            throw new GatewayConfigurationException(source, problems);
        }

        return result;
    }

    private static List<string> UnknownSections(string source)
    {
        if (!File.Exists(source))
        {
            return [];
        }

        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(source),
                new System.Text.Json.JsonDocumentOptions { CommentHandling = System.Text.Json.JsonCommentHandling.Skip, AllowTrailingCommas = true });
            return document.RootElement.ValueKind != System.Text.Json.JsonValueKind.Object ? ["the file must hold one JSON object of sections"]
                : [.. document.RootElement.EnumerateObject().Select(p => p.Name)
                    .Where(name => !Sections.Contains(name, StringComparer.OrdinalIgnoreCase))
                    .Select(name => $"{Trust.Untrusted.ForLog(name, 64)}: unknown section (known: {string.Join(", ", Sections)})")];
        }
        catch (System.Text.Json.JsonException)
        {
            // The configuration reader has accepted the file; its own error names the place when it did not.
            return [];
        }
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
