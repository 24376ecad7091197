using System.Text.RegularExpressions;
using GateEdge.Outputs.Gpio;

namespace GateEdge.Configuration;

/// <summary>Every check a configuration must pass before a gate runs on it; all problems are reported at once.</summary>
internal static partial class ConfigurationValidator
{
    public static IEnumerable<string> Validate(GatewayConfiguration c)
    {
        foreach (var problem in Identity(c.Gateway))
        {
            yield return problem;
        }

        var devices = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var problem in DevicesValidator.Validate(c.Devices, c.Outputs, devices))
        {
            yield return problem;
        }

        foreach (var problem in Lanes(c, devices))
        {
            yield return problem;
        }

        foreach (var problem in GateOutputs(c))
        {
            yield return problem;
        }

        foreach (var problem in c.Rules.Validate("Rules"))
        {
            yield return problem;
        }

        if (string.IsNullOrWhiteSpace(c.Mqtt.Host))
        {
            yield return "Mqtt.Host: the broker's host name is missing";
        }

        if (c.Mqtt.Port is < 1 or > 65535)
        {
            yield return $"Mqtt.Port: {c.Mqtt.Port} is not a TCP port";
        }

        foreach (var problem in Mqtt(c.Mqtt))
        {
            yield return problem;
        }

        if (c.Mqtt.HeartbeatInterval < TimeSpan.FromSeconds(1) || c.Mqtt.HeartbeatInterval > TimeSpan.FromHours(1))
        {
            yield return $"Mqtt.HeartbeatInterval: {c.Mqtt.HeartbeatInterval} is outside 00:00:01–01:00:00";
        }

        if (c.Mqtt.MaxReconnectDelay < TimeSpan.FromSeconds(1) || c.Mqtt.MaxReconnectDelay > TimeSpan.FromMinutes(5))
        {
            yield return $"Mqtt.MaxReconnectDelay: {c.Mqtt.MaxReconnectDelay} is outside 00:00:01–00:05:00";
        }

        if (c.Mqtt.Timeout < TimeSpan.FromSeconds(1) || c.Mqtt.Timeout > TimeSpan.FromMinutes(1))
        {
            yield return $"Mqtt.Timeout: {c.Mqtt.Timeout} is outside 00:00:01–00:01:00";
        }

        if (c.Mqtt.MaxInFlight is < 1 or > 1000)
        {
            yield return $"Mqtt.MaxInFlight: {c.Mqtt.MaxInFlight} is outside 1–1000";
        }

        if (c.Journal.DeliveredRetention < TimeSpan.FromHours(1) || c.Journal.DeliveredRetention > TimeSpan.FromDays(365))
        {
            yield return $"Journal.DeliveredRetention: {c.Journal.DeliveredRetention} is outside 01:00:00–365.00:00:00";
        }

        if (c.Journal.MaxSizeMiB is < 0 or > 1_000_000)
        {
            yield return $"Journal.MaxSizeMiB: {c.Journal.MaxSizeMiB} is outside 0 (no cap)–1000000";
        }

        if (c.Journal.FailureGrace < TimeSpan.Zero || c.Journal.FailureGrace > TimeSpan.FromHours(1))
        {
            yield return $"Journal.FailureGrace: {c.Journal.FailureGrace} is outside 00:00:00–01:00:00";
        }

        if (c.Journal.BacklogAlarmAt < 1 || c.Journal.MaxBatch is < 1 or > 10_000 || c.Journal.MaintenanceInterval < TimeSpan.FromSeconds(1))
        {
            yield return "Journal: BacklogAlarmAt must be positive, MaxBatch 1–10000 and MaintenanceInterval at least 1 s";
        }

        foreach (var problem in SecretFiles.Check(c))
        {
            yield return problem;
        }

        foreach (var problem in StateFolder.Check(c))
        {
            yield return problem;
        }

        if (c.Commands.MaxClockSkew < TimeSpan.FromSeconds(5) || c.Commands.MaxClockSkew > TimeSpan.FromMinutes(10))
        {
            yield return $"Commands.MaxClockSkew: {c.Commands.MaxClockSkew} is outside 00:00:05–00:10:00";
        }

        if (c.Commands.MaxPayloadBytes is < 256 or > 65536)
        {
            yield return $"Commands.MaxPayloadBytes: {c.Commands.MaxPayloadBytes} is outside 256–65536";
        }

        foreach (var problem in StatusPage(c.StatusPage))
        {
            yield return problem;
        }

        if (c.Privacy.PersonalDataRetention < TimeSpan.FromDays(1) || c.Privacy.PersonalDataRetention > TimeSpan.FromDays(365))
        {
            yield return $"Privacy.PersonalDataRetention: {c.Privacy.PersonalDataRetention} is outside 1.00:00:00–365.00:00:00";
        }

        if (c.Commands.MaxConfigPayloadBytes is < 4096 or > 1_048_576)
        {
            yield return $"Commands.MaxConfigPayloadBytes: {c.Commands.MaxConfigPayloadBytes} is outside 4096–1048576";
        }

        if (c.Commands.ConfigProbation < TimeSpan.FromSeconds(10) || c.Commands.ConfigProbation > TimeSpan.FromMinutes(30))
        {
            yield return $"Commands.ConfigProbation: {c.Commands.ConfigProbation} is outside 00:00:10–00:30:00";
        }

        if (c.Registry.SeedFile is { } seed && !File.Exists(seed))
        {
            yield return $"Registry.SeedFile: {seed} does not exist";
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

            if (lane.PulseLength < TimeSpan.FromMilliseconds(100) || lane.PulseLength > TimeSpan.FromSeconds(30))
            {
                yield return $"{at}.PulseLength: {lane.PulseLength} is outside 00:00:00.1–00:00:30";
            }

            if (lane.BuzzTime < TimeSpan.FromMilliseconds(50) || lane.BuzzTime > TimeSpan.FromSeconds(10))
            {
                yield return $"{at}.BuzzTime: {lane.BuzzTime} is outside 00:00:00.05–00:00:10";
            }
        }
    }



    private static IEnumerable<string> Mqtt(Publishing.MqttOptions m)
    {
        if (!m.UseTls && !m.AllowInsecure && !Publishing.MqttConnectionOptions.IsLoopback(m.Host))
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
            if (!string.IsNullOrWhiteSpace(file) && !File.Exists(file))
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
            if (!TopicLevel().IsMatch(value))
            {
                yield return $"Gateway.{name}: '{value}' must be 1–64 letters, digits, '-' or '_' (it is an MQTT topic level)";
            }
        }
    }

    private static IEnumerable<string> Lanes(GatewayConfiguration c, Dictionary<string, string> devices)
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
            if (!TopicLevel().IsMatch(lane.Id))
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
                if (Kind(devices, lane.CardReaders[r]) != DevicesValidator.CardReader)
                {
                    yield return $"{at}.CardReaders[{r}]: no card reader is named '{lane.CardReaders[r]}' (known: {Known(devices, DevicesValidator.CardReader)})";
                }
            }

            if (Kind(devices, lane.Thermometer) != DevicesValidator.Thermometer)
            {
                yield return $"{at}.Thermometer: rule R3 needs a thermometer; none is named '{lane.Thermometer}' (known: {Known(devices, DevicesValidator.Thermometer)})";
            }

            if (lane.MaskDetector is { } mask && Kind(devices, mask) != DevicesValidator.MaskDetector)
            {
                yield return $"{at}.MaskDetector: no mask detector is named '{mask}' (known: {Known(devices, DevicesValidator.MaskDetector)})";
            }

            if (lane.GuardKeypad is { } keypad && Kind(devices, keypad) != DevicesValidator.GuardKeypad)
            {
                yield return $"{at}.GuardKeypad: no guard keypad is named '{keypad}' (known: {Known(devices, DevicesValidator.GuardKeypad)})";
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

    private static string? Kind(Dictionary<string, string> devices, string name) => devices.GetValueOrDefault(name);

    private static string Known(Dictionary<string, string> devices, string kind)
    {
        var names = devices.Where(d => d.Value == kind).Select(d => d.Key).ToArray();
        return names.Length == 0 ? "none" : string.Join(", ", names);
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    internal static partial Regex TopicLevel();
}
