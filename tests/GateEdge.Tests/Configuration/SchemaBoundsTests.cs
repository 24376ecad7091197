using System.Globalization;
using System.Text.Json;
using System.Text;
using GateEdge.Configuration;
using Microsoft.Extensions.Configuration;

namespace GateEdge.Tests.Configuration;

/// <summary>
/// config/gateedge.schema.json carries every bound the checks enforce: for every number and
/// duration the schema names (in a configuration holding one device of every family), the schema's
/// own ends, and for a setting without bounds a spread of values, must pass the whole configuration
/// check unless the schema refuses them. A check that refuses a value the schema allows is a bound
/// missing from the schema (a technician's editor would accept it), unless it relates two settings.
/// </summary>
public sealed class SchemaBoundsTests
{
    /// <summary>Checks the schema cannot say (most relate a setting to another), so they stay in the validators.</summary>
    private static readonly Dictionary<string, string> Relations = new(StringComparer.Ordinal)
    {
        ["Devices.OsdpReaders[0].OfflineAfter"] = "longer than the reader's ReplyTimeout",
        ["Devices.Pn532Readers[0].BaudRate"] = "the PN532's HSU speed, one of the speeds every serial device may have",
    };

    private const string Base = """
        {
          "Gateway": { "Id": "gw-1", "CompoundId": "c-1", "GateId": "north" },
          "Mqtt": { "Host": "127.0.0.1" },
          "Devices": {
            "IdCardReaders": [ { "Name": "idcard", "Port": "/dev/ttyS10" } ],
            "Rdm6300Readers": [ { "Name": "tags", "Port": "/dev/ttyS11" } ],
            "AsciiLineReaders": [ { "Name": "uid", "Port": "/dev/ttyS12" } ],
            "OsdpReaders": [ { "Name": "osdp", "Port": "/dev/ttyS13", "Address": 1 } ],
            "Pn532Readers": [ { "Name": "nfc", "Port": "/dev/ttyS14" } ],
            "WiegandReaders": [ { "Name": "wiegand", "D0Line": 20, "D1Line": 21 } ],
            "SerialIrThermometers": [ { "Name": "ir", "Port": "/dev/ttyS15" } ],
            "ModbusThermometers": [ { "Name": "head", "Port": "/dev/ttyS16", "Address": 1 } ],
            "Mlx90614Thermometers": [ { "Name": "mlx", "Bus": 1, "Address": 90 } ],
            "MaskDetectors": [ { "Name": "mask", "Line": 12 } ],
            "GuardKeypads": [ { "Name": "keys", "ConfirmLine": 13, "DenyLine": 19 } ],
            "VoiceModules": [ { "Name": "voice", "Port": "/dev/ttyS17" } ]
          },
          "Outputs": { "Driver": "Chip", "Chip": 0, "Lanes": [ { "Lane": "lane1", "RelayPin": 5, "GreenLampPin": 6, "RedLampPin": 16, "BuzzerPin": 26 } ] },
          "Rules": { "MaskRequired": false },
          "Lanes": [ { "Id": "lane1", "Mode": "Attended", "CardReaders": [ "idcard", "tags" ], "Thermometer": "ir", "MaskDetector": "mask", "GuardKeypad": "keys", "Voice": "voice" },
                     { "Id": "lane2", "CardReaders": [ "uid", "osdp" ], "Thermometer": "head" },
                     { "Id": "lane3", "CardReaders": [ "nfc", "wiegand" ], "Thermometer": "mlx" } ]
        }
        """;

    [Fact]
    public void Every_value_the_schema_allows_passes_every_check_but_those_relating_two_settings()
    {
        var baseline = Problems([]);
        Assert.Empty(baseline);
        var refused = new List<string>();
        int probed = 0;
        foreach (var (key, node) in Leaves(Schema(), ""))
        {
            string path = PathOf(key);
            if (Relations.ContainsKey(path) || !Exists(key))
            {
                continue;
            }

            foreach (var value in Allowed(node))
            {
                probed++;
                var problems = Problems([new(key, value)]).Except(baseline).Where(p => p.StartsWith(path + ":", StringComparison.Ordinal) || p.StartsWith(path + "/", StringComparison.Ordinal));
                refused.AddRange(problems.Select(p => $"{key} = {value}: {p}"));
            }
        }

        Assert.True(probed > 150, $"only {probed} values probed: the base configuration lost its devices");
        Assert.True(refused.Count == 0, "checks refuse what config/gateedge.schema.json allows (declare the bound beside the option):\n" + string.Join("\n", refused));
    }

    [Fact]
    public void The_probe_sees_a_check_refuse_a_value_the_schema_allows()
    {
        // The one way the rule above could pass unseen is a probe that never sees a refusal: here is one it must see.
        var problems = Problems([new("Devices:OsdpReaders:0:OfflineAfter", "00:00:01"), new("Devices:OsdpReaders:0:ReplyTimeout", "00:00:02")]);

        Assert.Contains(problems, p => p.StartsWith("Devices.OsdpReaders[0].OfflineAfter:", StringComparison.Ordinal));
    }

    /// <summary>The ends the schema allows, or a spread across what a typo makes when it sets none.</summary>
    private static IEnumerable<string> Allowed(JsonElement node)
    {
        if (node.TryGetProperty("x-kind", out var kind) && kind.GetString() == "duration")
        {
            return node.TryGetProperty("x-minimum", out var lo) && node.TryGetProperty("x-maximum", out var hi)
                ? [lo.GetString()!, hi.GetString()!]
                : ["00:00:00", "00:00:00.001", "365.00:00:00"];
        }

        if (node.TryGetProperty("enum", out var choices))
        {
            return choices.EnumerateArray().Select(c => c.GetRawText());
        }

        bool integer = node.GetProperty("type").GetString() == "integer";
        if (node.TryGetProperty("minimum", out var min) && node.TryGetProperty("maximum", out var max))
        {
            return [Text(min.GetDecimal()), Text(max.GetDecimal())];
        }

        return integer ? ["-1", "0", "1", "1000000"] : ["-1", "0", "0.5", "1000000"];
    }

    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Every number and duration of the schema, as a configuration key, the first item standing for a list's items.</summary>
    private static IEnumerable<(string Key, JsonElement Node)> Leaves(JsonElement node, string key)
    {
        if (node.TryGetProperty("properties", out var properties))
        {
            foreach (var property in properties.EnumerateObject())
            {
                foreach (var leaf in Leaves(property.Value, key.Length == 0 ? property.Name : $"{key}:{property.Name}"))
                {
                    yield return leaf;
                }
            }
        }
        else if (node.TryGetProperty("items", out var items))
        {
            foreach (var leaf in Leaves(items, $"{key}:0"))
            {
                yield return leaf;
            }
        }
        else if ((node.TryGetProperty("x-kind", out var kind) && kind.GetString() == "duration")
            || (node.TryGetProperty("type", out var type) && type.GetString() is "integer" or "number"))
        {
            yield return (key, node);
        }
    }

    /// <summary>A setting of a list item the base configuration has; leaves of a section always count.</summary>
    private static bool Exists(string key)
    {
        var parent = key[..Math.Max(0, key.LastIndexOf(':'))];
        return !parent.Split(':').Any(s => s == "0") || BaseConfiguration([]).GetSection(parent).Exists();
    }

    private static string PathOf(string key)
    {
        var path = new StringBuilder();
        foreach (var segment in key.Split(':'))
        {
            path.Append(int.TryParse(segment, out _) ? $"[{segment}]" : (path.Length == 0 ? segment : "." + segment));
        }

        return path.ToString();
    }

    private static IConfiguration BaseConfiguration(IEnumerable<KeyValuePair<string, string?>> overrides) =>
        new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(Base))).AddInMemoryCollection(overrides).Build();

    private static List<string> Problems(IEnumerable<KeyValuePair<string, string?>> overrides)
    {
        try
        {
            _ = ConfigurationLoader.Load(BaseConfiguration(overrides), "test", "/etc/gateedge", file: null, forService: false);
            return [];
        }
        catch (GatewayConfigurationException ex)
        {
            return [.. ex.Problems];
        }
    }

    private static JsonElement Schema() => JsonDocument.Parse(File.ReadAllText(RepoRoot.File("config", "gateedge.schema.json"))).RootElement;
}
