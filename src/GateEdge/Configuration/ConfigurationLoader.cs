using System.Text.RegularExpressions;
using GateEdge.Common;
using GateEdge.Common.Messages;
using Microsoft.Extensions.Configuration;

namespace GateEdge.Configuration;

/// <summary>
/// Holds the configuration to its schema (a misspelt key at any depth is an error, not a silent
/// default), binds it, resolves relative paths against the configuration file, and validates the
/// result; every problem names its setting's path and, when the file has it, its line and column.
/// </summary>
internal static partial class ConfigurationLoader
{
    /// <param name="file">Where the file's settings are (<see cref="ConfigPositions.Read"/>); null for a configuration that is not one file.</param>
    /// <param name="forService">False for the technician's tools: the files only the running service needs are not required (see <see cref="ConfigFile.Load"/>).</param>
    public static GatewayConfiguration Load(IConfiguration configuration, string source, string baseDirectory, ConfigPositions? file, bool forService = true)
    {
        // A NUL cannot be part of a path or a name; it would throw wherever the value is used, so it stops the check here.
        var nul = configuration.AsEnumerable().Where(kv => kv.Value?.Contains('\0', StringComparison.Ordinal) == true)
            .Select(kv => new ConfigProblem(kv.Key.Replace(':', '.'), ConfigMessages.HoldsNul.Say()).AsSaid()).ToList();
        if (nul.Count > 0)
        {
            throw new GatewayConfigurationException(source, nul);
        }

        var (problems, badKeys) = ConfigSchema.Check(configuration, file);
        problems.AddRange(LoggingSettings.Check(configuration));
        if (badKeys.Count > 0)
        {
            // Bound as if the wrong values were not there: "Port": "8883x" must not also read as a plaintext remote broker.
            configuration = new ConfigurationBuilder().AddConfiguration(configuration)
                .AddInMemoryCollection(badKeys.Select(k => new KeyValuePair<string, string?>(k, null))).Build();
        }

        var result = new GatewayConfiguration
        {
            Gateway = Bind(configuration, "Gateway", problems, new GatewayOptions(), static (section, value) => section.Bind(value)),
            Devices = Bind(configuration, "Devices", problems, new Devices.DevicesOptions(), static (section, value) => section.Bind(value)),
            Lanes = Bind(configuration, "Lanes", problems, new List<Lanes.LaneOptions>(), static (section, value) => section.Bind(value)),
            Rules = Bind(configuration, "Rules", problems, new Rules.RulePolicy(), static (section, value) => section.Bind(value)),
            Registry = Bind(configuration, "Registry", problems, new Registry.RegistryOptions(), static (section, value) => section.Bind(value)),
            Mqtt = Bind(configuration, "Mqtt", problems, new Publishing.MqttOptions(), static (section, value) => section.Bind(value)),
            Journal = Bind(configuration, "Journal", problems, new Journal.JournalOptions(), static (section, value) => section.Bind(value)),
            Commands = Bind(configuration, "Commands", problems, new Commands.CommandOptions(), static (section, value) => section.Bind(value)),
            Privacy = Bind(configuration, "Privacy", problems, new Privacy.PrivacyOptions(), static (section, value) => section.Bind(value)),
            Outputs = Bind(configuration, "Outputs", problems, new Outputs.Gpio.GpioOutputOptions(), static (section, value) => section.Bind(value)),
            StatusPage = Bind(configuration, "StatusPage", problems, new Status.StatusPageOptions(), static (section, value) => section.Bind(value)),
            Prompts = Bind(configuration, "Prompts", problems, new Prompts.PromptsOptions(), static (section, value) => section.Bind(value)),
        };

        result.Gateway.StateDirectory = Path.GetFullPath(result.Gateway.StateDirectory, baseDirectory);
        result.Journal.Path = Path.GetFullPath(result.Journal.Path, result.Gateway.StateDirectory);
        result.Gateway.ClockSynchronisedFlag = FullPathOrNull(result.Gateway.ClockSynchronisedFlag, baseDirectory);
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
        foreach (var reader in result.Devices.OsdpReaders)
        {
            reader.KeyFile = FullPathOrNull(reader.KeyFile, baseDirectory);
        }

        result.StatusPage.TokenFile = FullPathOrNull(result.StatusPage.TokenFile, baseDirectory);
        result.StatusPage.DisplayTokenFile = FullPathOrNull(result.StatusPage.DisplayTokenFile, baseDirectory);

        problems.AddRange(LoggingSettings.CheckFileFolders(configuration, result.Gateway.StateDirectory, result.Journal.Path, baseDirectory));
        problems.AddRange(ConfigurationValidator.Validate(result, forService));
        if (forService && file is not null && FileReach.UnreadableByService(source) is { } unreadable)
        {
            problems.Add(new ConfigProblem("", unreadable));
        }

        if (problems.Count > 0)
        {
            // In the order of the file, as a technician reads it; problems with no place in it last.
            var placed = problems.Select(p => (Problem: p, At: file?.Find(p.Path.Split('/')[0])))
                .OrderBy(p => p.At?.Line ?? int.MaxValue)
                .ThenBy(p => p.At?.Column ?? 0)
                .Select(p => (Problem: p.Problem.AsSaid().Then((text, language) => WithLines(text, file, language)), p.At))
                .Select(p => p.At is { } at ? ConfigMessages.At.Say(("line", at.Line), ("column", at.Column), ("problem", p.Problem)) : p.Problem);
            throw new GatewayConfigurationException(source, [.. placed]);
        }

        return result;
    }

    /// <summary>A problem that names another setting in parentheses, "(Devices.OsdpReaders[0])", names its line too: a clash is found by both ends.</summary>
    private static string WithLines(string problem, ConfigPositions? file, Language language) =>
        file is null ? problem : OtherSetting().Replace(problem, m => file.Find(m.Groups[1].Value) is { } at
            ? ConfigMessages.OtherSettingAt.Say(("setting", m.Groups[1].Value), ("line", at.Line)).In(language)
            : m.Value);

    [GeneratedRegex(@"\((Devices\.[A-Za-z0-9]+\[\d+\](?:\.[A-Za-z0-9]+)?)\)")]
    private static partial Regex OtherSetting();

    private static string? FullPathOrNull(string? path, string baseDirectory) =>
        string.IsNullOrWhiteSpace(path) ? null : Path.GetFullPath(path, baseDirectory);

    /// <summary>
    /// Binds a section. The schema has already named unknown keys and values of the wrong kind with
    /// their paths, so the binder's own, pathless complaints are only kept when it found nothing.
    /// </summary>
    /// <param name="bind">Called with the concrete type, where the binder's source generator sees it: no reflection at run time.</param>
    private static T Bind<T>(IConfiguration configuration, string section, List<ConfigProblem> problems, T value, Action<IConfiguration, T> bind)
    {
        try
        {
            bind(configuration.GetSection(section), value);
        }
        catch (InvalidOperationException ex)
        {
            if (!problems.Any(p => p.Path.StartsWith(section, StringComparison.OrdinalIgnoreCase)))
            {
                problems.Add(new ConfigProblem(section, Said.Text(ex.Message)));
            }
        }

        return value;
    }
}
