using System.Text.Json.Nodes;
using System.Text.Json;
using GateEdge.Devices;
using GateEdge.Simulator.Script;

namespace GateEdge.Simulator.Rehearsal;

/// <summary>
/// The technician's configuration, moved onto the rehearsal bench: every serial device on a
/// virtual port under <c>links</c>, GPIO and I²C on the simulated chip and bus, the embedded
/// broker, and state, logs and files that stay in the rehearsal's own folder. Lanes, rules,
/// devices' settings and the registry are the technician's, untouched.
/// </summary>
internal static class RehearsalConfig
{
    private static readonly string[] SerialSections = [.. DeviceFamilies.All.Where(f => f.Wiring == DeviceWiring.Serial).Select(f => f.Section)];

    public static string Rewrite(string configPath, string links, string stateDirectory, int brokerPort)
    {
        var baseDirectory = Path.GetDirectoryName(Path.GetFullPath(configPath))!;
        var root = JsonNode.Parse(File.ReadAllText(configPath), documentOptions: new JsonDocumentOptions
        {
            CommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
        })?.AsObject() ?? throw new InvalidDataException($"{configPath} holds no configuration object");

        var devices = Section(root, "Devices");
        var serial = SerialSections.SelectMany(section => devices[section]?.AsArray().OfType<JsonObject>() ?? []).ToList();
        var linkOf = SharedLinks(serial.Select(d => (d["Name"]?.GetValue<string>() ?? "", d["Port"]?.GetValue<string>() ?? "")));
        foreach (var device in serial)
        {
            string name = device["Name"]?.GetValue<string>() ?? "";
            device["Port"] = Path.Combine(links, linkOf.GetValueOrDefault(name, name));
        }

        foreach (var family in SimulatedFamilies.All)
        {
            foreach (var entry in devices[family.Family.Section]?.AsArray().OfType<JsonObject>() ?? [])
            {
                foreach (var setting in family.NotRehearsed)
                {
                    entry.Remove(setting);
                }
            }
        }

        devices["I2cDriver"] = "Simulated";
        Section(root, "Outputs")["Driver"] = "Simulated";
        Section(root, "Gateway")["StateDirectory"] = stateDirectory;
        var mqtt = Section(root, "Mqtt");
        foreach (var remote in new[] { "Host", "Port", "UseTls", "CaFile", "PinnedPublicKeys", "ClientCertificateFile", "ClientKeyFile", "Username", "PasswordFile", "AllowInsecure" })
        {
            mqtt.Remove(remote);
        }

        mqtt["Host"] = "127.0.0.1";
        mqtt["Port"] = brokerPort;
        Absolute(Section(root, "Registry"), "SeedFile", baseDirectory);
        if (Section(root, "Commands")["CentreKeys"] is JsonArray keys)
        {
            foreach (var key in keys.OfType<JsonObject>())
            {
                Absolute(key, "PublicKeyFile", baseDirectory);
            }
        }

        Absolute(Section(root, "Privacy"), "IdentitySealingKeyFile", baseDirectory);
        Absolute(Section(root, "StatusPage"), "TokenFile", baseDirectory);
        // Decisions are printed as the centre receives them; the log shows only what goes wrong.
        root["Serilog"] = new JsonObject
        {
            ["MinimumLevel"] = new JsonObject { ["Default"] = "Warning" },
            ["WriteTo"] = new JsonArray(new JsonObject { ["Name"] = "Console" }),
        };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    /// <summary>
    /// The link of each device whose port it shares with others (a bus), by device name: the bus is
    /// simulated as one virtual port named after its first device. Devices on a port of their own are not listed.
    /// </summary>
    public static Dictionary<string, string> SharedLinks(IEnumerable<(string Name, string Port)> serialDevices) =>
        serialDevices.GroupBy(d => d.Port, StringComparer.Ordinal)
            .Where(bus => bus.Key.Length > 0 && bus.Count() > 1)
            .SelectMany(bus => bus.Select(d => (d.Name, Link: bus.First().Name)))
            .ToDictionary(d => d.Name, d => d.Link, StringComparer.Ordinal);

    private static JsonObject Section(JsonObject root, string name)
    {
        if (root[name] is JsonObject section)
        {
            return section;
        }

        var created = new JsonObject();
        root[name] = created;
        return created;
    }

    private static void Absolute(JsonObject section, string key, string baseDirectory)
    {
        if (section[key]?.GetValue<string>() is { Length: > 0 } path)
        {
            section[key] = Path.GetFullPath(path, baseDirectory);
        }
    }
}
