using GateEdge.Common;
using GateEdge.Common.Messages;

namespace GateEdge.Configuration;

/// <summary>Every check a configuration must pass before a gate runs on it; all problems are reported at once.</summary>
internal static partial class ConfigurationValidator
{
    /// <param name="forService">False skips what only the running service needs on this box: the broker's files, secret and key files, a writable state folder, libgpiod.</param>
    public static IEnumerable<ConfigProblem> Validate(GatewayConfiguration c, bool forService = true)
    {
        foreach (var problem in Identity(c.Gateway))
        {
            yield return problem;
        }

        var devices = new Dictionary<string, Devices.DeviceRole>(StringComparer.Ordinal);
        foreach (var problem in DevicesValidator.Validate(c.Devices, c.Outputs, devices))
        {
            yield return problem;
        }

        foreach (var problem in Lanes(c, devices))
        {
            yield return problem;
        }

        if (c.Rules.StuckThermometerAfter is 1 or 2)
        {
            yield return Problem("Rules.StuckThermometerAfter", SettingMessages.StuckTooFew, ("count", c.Rules.StuckThermometerAfter));
        }

        if (!Prompts.PromptLanguages.TryParse(c.Prompts.Language, out _))
        {
            yield return Problem("Prompts.Language", SettingMessages.NotPromptLanguage, ("value", c.Prompts.Language), ("choices", Choices(Prompts.PromptLanguages.Names)));
        }

        foreach (var problem in GateOutputs(c))
        {
            yield return problem;
        }

        if (string.IsNullOrWhiteSpace(c.Mqtt.Host))
        {
            yield return Problem("Mqtt.Host", SettingMessages.HostMissing);
        }

        foreach (var problem in Mqtt(c.Mqtt, forService))
        {
            yield return problem;
        }

        foreach (var problem in forService ? SecretFiles.Check(c).Concat(StateFolder.Check(c)).Concat(ServiceReach.Check(c)) : [])
        {
            yield return problem;
        }

        if (forService && GpioLibrary.Problem(c.Outputs) is { } gpio)
        {
            yield return gpio;
        }

        foreach (var problem in StatusPage(c.StatusPage))
        {
            yield return problem;
        }

        if (c.Registry.SeedFile is { } seed && RegistryProblem(seed) is { } registry)
        {
            yield return new ConfigProblem("Registry.SeedFile", registry);
        }
    }

    /// <summary>The seed file is read at start as the service would, so a broken one is named here, not by a crash.</summary>
    private static Said? RegistryProblem(string seed)
    {
        if (FileReach.Missing(seed) is { } missing)
        {
            return missing;
        }

        try
        {
            Registry.SeedFileRegistry.Load(seed);
            return null;
        }
        catch (System.Text.Json.JsonException ex)
        {
            return ConfigMessages.FileProblem.Say(("file", seed), ("detail", ConfigPositions.Describe(ex)));
        }
        catch (Exception ex) when (ex is InvalidDataException or ArgumentException or IOException or UnauthorizedAccessException)
        {
            return ConfigMessages.FileProblem.Say(("file", seed), ("detail", ex.Message));
        }
    }

    private static IEnumerable<ConfigProblem> Mqtt(Publishing.MqttOptions m, bool forService)
    {
        if (m.Host.Contains("://", StringComparison.Ordinal))
        {
            var uri = Uri.TryCreate(m.Host, UriKind.Absolute, out var parsed) ? parsed : null;
            yield return Problem("Mqtt.Host", SettingMessages.HostIsUrl, ("value", m.Host), ("host", uri?.Host ?? "broker.example"),
                ("port", uri is { IsDefaultPort: false } ? SettingMessages.PortNote.Say(("port", uri.Port)) : ""));
            yield break;
        }

        if (!m.UseTls && !m.AllowInsecure && m.Host.Length > 0 && !Publishing.MqttConnectionOptions.IsLoopback(m.Host))
        {
            yield return Problem("Mqtt.UseTls", SettingMessages.RemoteNeedsTls, ("host", m.Host));
        }

        for (int i = 0; i < m.PinnedPublicKeys.Count; i++)
        {
            if (!m.UseTls || m.PinnedPublicKeys[i] is not { Length: 64 } pin || !pin.All(char.IsAsciiHexDigit))
            {
                yield return Problem($"Mqtt.PinnedPublicKeys[{i}]", SettingMessages.BadPin);
            }
        }

        if (m.UseTls && string.IsNullOrWhiteSpace(m.CaFile))
        {
            yield return Problem("Mqtt.CaFile", SettingMessages.TlsNeedsCa);
        }

        foreach (var (key, file) in new[] { ("CaFile", m.CaFile), ("ClientCertificateFile", m.ClientCertificateFile), ("ClientKeyFile", m.ClientKeyFile), ("PasswordFile", m.PasswordFile) })
        {
            if (forService && !string.IsNullOrWhiteSpace(file) && FileReach.Missing(file) is { } missing)
            {
                yield return new ConfigProblem($"Mqtt.{key}", missing);
            }
        }

        if (!string.IsNullOrWhiteSpace(m.PasswordFile) && string.IsNullOrWhiteSpace(m.Username))
        {
            yield return Problem("Mqtt.Username", SettingMessages.PasswordWithoutUser);
        }
    }

    private static IEnumerable<ConfigProblem> Identity(GatewayOptions g)
    {
        foreach (var (name, value) in new[] { ("Id", g.Id), ("CompoundId", g.CompoundId), ("GateId", g.GateId) })
        {
            if (!TopicLevel.IsValid(value))
            {
                yield return Problem($"Gateway.{name}", SettingMessages.TopicLevel, ("value", value));
            }
        }

        if (g.GateId == "lists")
        {
            yield return Problem("Gateway.GateId", SettingMessages.GateNamedLists);
        }
    }

    private static IEnumerable<ConfigProblem> Lanes(GatewayConfiguration c, Dictionary<string, Devices.DeviceRole> devices)
    {
        if (c.Lanes.Count == 0)
        {
            yield return Problem("Lanes", SettingMessages.NoLanes);
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < c.Lanes.Count; i++)
        {
            var lane = c.Lanes[i];
            string at = $"Lanes[{i}]";
            if (!TopicLevel.IsValid(lane.Id))
            {
                yield return Problem($"{at}.Id", SettingMessages.LaneIdInvalid, ("value", lane.Id));
            }
            else if (!ids.Add(lane.Id))
            {
                yield return Problem($"{at}.Id", SettingMessages.LaneIdTaken, ("value", lane.Id));
            }

            if (lane.CardReaders.Count == 0)
            {
                yield return Problem($"{at}.CardReaders", SettingMessages.LaneNeedsReader);
            }

            for (int r = 0; r < lane.CardReaders.Count; r++)
            {
                if (Kind(devices, lane.CardReaders[r]) != Devices.DeviceRole.CardReader)
                {
                    yield return Problem($"{at}.CardReaders[{r}]", SettingMessages.NoReaderNamed, ("name", lane.CardReaders[r]), ("known", Known(devices, Devices.DeviceRole.CardReader)));
                }
            }

            if (string.IsNullOrWhiteSpace(lane.Thermometer))
            {
                yield return Problem($"{at}.Thermometer", SettingMessages.LaneNeedsThermometer, ("known", Known(devices, Devices.DeviceRole.Thermometer)));
            }
            else if (Kind(devices, lane.Thermometer) != Devices.DeviceRole.Thermometer)
            {
                yield return Problem($"{at}.Thermometer", SettingMessages.NoThermometerNamed, ("name", lane.Thermometer), ("known", Known(devices, Devices.DeviceRole.Thermometer)));
            }

            if (lane.MaskDetector is { } mask && Kind(devices, mask) != Devices.DeviceRole.MaskDetector)
            {
                yield return Problem($"{at}.MaskDetector", SettingMessages.NoMaskDetectorNamed, ("name", mask), ("known", Known(devices, Devices.DeviceRole.MaskDetector)));
            }

            if (lane.GuardKeypad is { } keypad && Kind(devices, keypad) != Devices.DeviceRole.GuardKeypad)
            {
                yield return Problem($"{at}.GuardKeypad", SettingMessages.NoKeypadNamed, ("name", keypad), ("known", Known(devices, Devices.DeviceRole.GuardKeypad)));
            }

            if (lane.Voice is { } voice && Kind(devices, voice) != Devices.DeviceRole.Voice)
            {
                yield return Problem($"{at}.Voice", SettingMessages.NoVoiceNamed, ("name", voice), ("known", Known(devices, Devices.DeviceRole.Voice)));
            }

            if (lane.Language is { } language && !Prompts.PromptLanguages.TryParse(language, out _))
            {
                yield return Problem($"{at}.Language", SettingMessages.NotPromptLanguage, ("value", language), ("choices", Choices(Prompts.PromptLanguages.Names)));
            }

            if (lane.Mode == Rules.LaneMode.Attended && lane.GuardKeypad is null)
            {
                yield return Problem($"{at}.GuardKeypad", SettingMessages.AttendedNeedsKeypad, ("lane", lane.Id));
            }

            if (c.Rules.MaskRequired && lane.MaskDetector is null && !(lane.Mode == Rules.LaneMode.Attended && lane.GuardKeypad is not null))
            {
                yield return Problem(at, SettingMessages.NeedsMaskSource, ("lane", lane.Id));
            }
        }
    }

    private static Devices.DeviceRole? Kind(Dictionary<string, Devices.DeviceRole> devices, string name) =>
        devices.TryGetValue(name, out var role) ? role : null;

    private static object Known(Dictionary<string, Devices.DeviceRole> devices, Devices.DeviceRole role)
    {
        var names = devices.Where(d => d.Value == role).Select(d => d.Key).ToArray();
        return names.Length == 0 ? ConfigMessages.None.Say() : string.Join(", ", names);
    }

    /// <summary>"a or b or c", in the reader's language.</summary>
    private static Said Choices(IReadOnlyList<string> names) =>
        names.Skip(1).Aggregate(Said.Text(names[0]), (said, next) => ConfigMessages.Or.Say(("first", said), ("second", next)));

    private static ConfigProblem Problem(string path, Message message, params (string Name, object? Value)[] values) => new(path, message.Say(values));
}
