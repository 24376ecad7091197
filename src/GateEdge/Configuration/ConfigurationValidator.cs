using System.Text.RegularExpressions;
using GateEdge.Common;
using GateEdge.Outputs.Gpio;

namespace GateEdge.Configuration;

/// <summary>Every check a configuration must pass before a gate runs on it; all problems are reported at once.</summary>
internal static partial class ConfigurationValidator
{
    /// <param name="forService">False skips what only the running service needs on this box: the broker's files, secret and key files, a writable state folder, libgpiod.</param>
    public static IEnumerable<string> Validate(GatewayConfiguration c, bool forService = true)
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
            yield return $"Rules.StuckThermometerAfter: {c.Rules.StuckThermometerAfter} people in a row are too few to tell a stuck thermometer from chance; use 3 or more (12 by default), or 0 to turn the check off";
        }

        if (!Prompts.PromptLanguages.TryParse(c.Prompts.Language, out _))
        {
            yield return $"Prompts.Language: '{c.Prompts.Language}' is not a prompt language; use {string.Join(" or ", Prompts.PromptLanguages.Names)}";
        }

        foreach (var problem in GateOutputs(c))
        {
            yield return problem;
        }

        if (string.IsNullOrWhiteSpace(c.Mqtt.Host))
        {
            yield return "Mqtt.Host: the broker's host name is missing";
        }

        foreach (var problem in Mqtt(c.Mqtt, forService))
        {
            yield return problem;
        }

        foreach (var problem in forService ? SecretFiles.Check(c).Concat(StateFolder.Check(c)) : [])
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
            yield return $"Registry.SeedFile: {registry}";
        }
    }

    /// <summary>The seed file is read at start as the service would, so a broken one is named here, not by a crash.</summary>
    private static string? RegistryProblem(string seed)
    {
        if (!File.Exists(seed))
        {
            return $"{seed} does not exist";
        }

        try
        {
            Registry.SeedFileRegistry.Load(seed);
            return null;
        }
        catch (System.Text.Json.JsonException ex)
        {
            return $"{seed}: {ConfigPositions.Describe(ex)}";
        }
        catch (Exception ex) when (ex is InvalidDataException or ArgumentException or IOException or UnauthorizedAccessException)
        {
            return $"{seed}: {ex.Message}";
        }
    }

    private static IEnumerable<string> StatusPage(Status.StatusPageOptions page)
    {
        if (!page.Enabled)
        {
            yield break;
        }

        if (!Uri.TryCreate(page.Listen, UriKind.Absolute, out var listen) || listen.Scheme != Uri.UriSchemeHttp || listen.Port <= 0)
        {
            yield return $"StatusPage.Listen: '{page.Listen}' is not an address to listen on, such as http://127.0.0.1:8780";
            yield break;
        }

        if (page.TokenFile is null && !Publishing.MqttConnectionOptions.IsLoopback(listen.Host))
        {
            yield return $"StatusPage.TokenFile: the page listens beyond this machine ({listen.Host}), so it needs an access token file";
        }

    }

    private static IEnumerable<string> GateOutputs(GatewayConfiguration c)
    {
        var o = c.Outputs;
        if (o.Driver is not (GpioOutputOptions.LogDriver or GpioOutputOptions.ChipDriver or GpioOutputOptions.SimulatedDriver))
        {
            yield return $"Outputs.Driver: '{o.Driver}' is not Log, Chip or Simulated";
        }

        var lanes = c.Lanes.Select(l => l.Id).ToHashSet(StringComparer.Ordinal);
        var pins = new HashSet<int>();
        for (int i = 0; i < o.Lanes.Count; i++)
        {
            var lane = o.Lanes[i];
            string at = $"Outputs.Lanes[{i}]";
            if (!lanes.Contains(lane.Lane))
            {
                yield return $"{at}.Lane: no lane is named '{lane.Lane}'";
            }

            foreach (var (key, pin) in new[] { ("RelayPin", (int?)lane.RelayPin), ("GreenLampPin", lane.GreenLampPin), ("RedLampPin", lane.RedLampPin), ("BuzzerPin", lane.BuzzerPin) })
            {
                if (pin is < 0)
                {
                    yield return $"{at}.{key}: a GPIO line number is required";
                }
                else if (pin is { } p && !pins.Add(p))
                {
                    yield return $"{at}.{key}: line {p} is already used by another output";
                }
            }
        }
    }

    private static IEnumerable<string> Mqtt(Publishing.MqttOptions m, bool forService)
    {
        if (m.Host.Contains("://", StringComparison.Ordinal))
        {
            var uri = Uri.TryCreate(m.Host, UriKind.Absolute, out var parsed) ? parsed : null;
            yield return $"Mqtt.Host: '{m.Host}' is a URL; write the broker's host name only (\"{uri?.Host ?? "broker.example"}\"), its port in Mqtt.Port{(uri is { IsDefaultPort: false } ? $" ({uri.Port})" : "")} and, for TLS, UseTls with a CaFile";
            yield break;
        }

        if (!m.UseTls && !m.AllowInsecure && m.Host.Length > 0 && !Publishing.MqttConnectionOptions.IsLoopback(m.Host))
        {
            yield return $"Mqtt.UseTls: the broker {m.Host} is not on this machine; use TLS with a CaFile, or set AllowInsecure to send in plaintext";
        }

        for (int i = 0; i < m.PinnedPublicKeys.Count; i++)
        {
            if (!m.UseTls || m.PinnedPublicKeys[i] is not { Length: 64 } pin || !pin.All(char.IsAsciiHexDigit))
            {
                yield return $"Mqtt.PinnedPublicKeys[{i}]: a pin is the 64 hex digits of the SHA-256 of the broker's public key, and needs UseTls; see docs/security.md";
            }
        }

        if (m.UseTls && string.IsNullOrWhiteSpace(m.CaFile))
        {
            yield return "Mqtt.CaFile: TLS needs the CA file that signed the broker's certificate";
        }

        foreach (var (key, file) in new[] { ("CaFile", m.CaFile), ("ClientCertificateFile", m.ClientCertificateFile), ("ClientKeyFile", m.ClientKeyFile), ("PasswordFile", m.PasswordFile) })
        {
            if (forService && !string.IsNullOrWhiteSpace(file) && !File.Exists(file))
            {
                yield return $"Mqtt.{key}: {file} does not exist";
            }
        }

        if (!string.IsNullOrWhiteSpace(m.PasswordFile) && string.IsNullOrWhiteSpace(m.Username))
        {
            yield return "Mqtt.Username: a PasswordFile is configured without a Username";
        }
    }

    private static IEnumerable<string> Identity(GatewayOptions g)
    {
        foreach (var (name, value) in new[] { ("Id", g.Id), ("CompoundId", g.CompoundId), ("GateId", g.GateId) })
        {
            if (!TopicLevel.IsValid(value))
            {
                yield return $"Gateway.{name}: '{value}' must be 1–64 letters, digits, '-' or '_' (it is an MQTT topic level)";
            }
        }

        if (g.GateId == "lists")
        {
            yield return "Gateway.GateId: 'lists' is where the centre publishes the compound's lists (gateedge/v1/{compound}/lists/…); name the gate otherwise";
        }
    }

    private static IEnumerable<string> Lanes(GatewayConfiguration c, Dictionary<string, Devices.DeviceRole> devices)
    {
        if (c.Lanes.Count == 0)
        {
            yield return "Lanes: no lane is configured";
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < c.Lanes.Count; i++)
        {
            var lane = c.Lanes[i];
            string at = $"Lanes[{i}]";
            if (!TopicLevel.IsValid(lane.Id))
            {
                yield return $"{at}.Id: '{lane.Id}' must be 1–64 letters, digits, '-' or '_'";
            }
            else if (!ids.Add(lane.Id))
            {
                yield return $"{at}.Id: '{lane.Id}' is used by another lane";
            }

            if (lane.CardReaders.Count == 0)
            {
                yield return $"{at}.CardReaders: rule R1 needs at least one card reader";
            }

            for (int r = 0; r < lane.CardReaders.Count; r++)
            {
                if (Kind(devices, lane.CardReaders[r]) != Devices.DeviceRole.CardReader)
                {
                    yield return $"{at}.CardReaders[{r}]: no card reader is named '{lane.CardReaders[r]}' (known: {Known(devices, Devices.DeviceRole.CardReader)})";
                }
            }

            if (string.IsNullOrWhiteSpace(lane.Thermometer))
            {
                yield return $"{at}.Thermometer: rule R3 needs a thermometer at every lane; name one (known: {Known(devices, Devices.DeviceRole.Thermometer)})";
            }
            else if (Kind(devices, lane.Thermometer) != Devices.DeviceRole.Thermometer)
            {
                yield return $"{at}.Thermometer: rule R3 needs a thermometer; none is named '{lane.Thermometer}' (known: {Known(devices, Devices.DeviceRole.Thermometer)})";
            }

            if (lane.MaskDetector is { } mask && Kind(devices, mask) != Devices.DeviceRole.MaskDetector)
            {
                yield return $"{at}.MaskDetector: no mask detector is named '{mask}' (known: {Known(devices, Devices.DeviceRole.MaskDetector)})";
            }

            if (lane.GuardKeypad is { } keypad && Kind(devices, keypad) != Devices.DeviceRole.GuardKeypad)
            {
                yield return $"{at}.GuardKeypad: no guard keypad is named '{keypad}' (known: {Known(devices, Devices.DeviceRole.GuardKeypad)})";
            }

            if (lane.Voice is { } voice && Kind(devices, voice) != Devices.DeviceRole.Voice)
            {
                yield return $"{at}.Voice: no voice module is named '{voice}' (known: {Known(devices, Devices.DeviceRole.Voice)})";
            }

            if (lane.Language is { } language && !Prompts.PromptLanguages.TryParse(language, out _))
            {
                yield return $"{at}.Language: '{language}' is not a prompt language; use {string.Join(" or ", Prompts.PromptLanguages.Names)}";
            }

            if (lane.Mode == Rules.LaneMode.Attended && lane.GuardKeypad is null)
            {
                yield return $"{at}.GuardKeypad: lane '{lane.Id}' is attended and needs the guard's keypad, for the guard to decide referred attempts";
            }

            if (c.Rules.MaskRequired && lane.MaskDetector is null && !(lane.Mode == Rules.LaneMode.Attended && lane.GuardKeypad is not null))
            {
                yield return $"{at}: lane '{lane.Id}': rule R4 needs a mask source: a MaskDetector, or Attended mode with a GuardKeypad (Rules.MaskRequired is false only where masks are no longer ordered)";
            }
        }
    }

    private static Devices.DeviceRole? Kind(Dictionary<string, Devices.DeviceRole> devices, string name) =>
        devices.TryGetValue(name, out var role) ? role : null;

    private static string Known(Dictionary<string, Devices.DeviceRole> devices, Devices.DeviceRole role)
    {
        var names = devices.Where(d => d.Value == role).Select(d => d.Key).ToArray();
        return names.Length == 0 ? "none" : string.Join(", ", names);
    }
}
