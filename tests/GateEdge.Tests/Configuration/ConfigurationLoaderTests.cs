using System.Text;
using GateEdge.Configuration;
using Microsoft.Extensions.Configuration;

namespace GateEdge.Tests.Configuration;

public sealed class ConfigurationLoaderTests
{
    private const string Good = """
        {
          "Gateway": { "Id": "gw-1", "CompoundId": "c-1", "GateId": "north" },
          "Mqtt": { "Host": "127.0.0.1" },
          "Devices": {
            "IdCardReaders": [ { "Name": "reader", "Port": "/dev/ttyUSB0" } ],
            "SerialIrThermometers": [ { "Name": "thermo", "Port": "/dev/ttyUSB1" } ],
            "MaskDetectors": [ { "Name": "mask", "Line": 12 } ]
          },
          "Outputs": { "Driver": "Simulated" },
          "Lanes": [ { "Id": "lane1", "CardReaders": [ "reader" ], "Thermometer": "thermo", "MaskDetector": "mask" } ]
        }
        """;

    [Fact]
    public void A_good_configuration_loads_with_the_policy_defaults_and_resolved_paths()
    {
        var config = Load(Good);

        Assert.Equal(37.3m, config.Rules.FeverLineC);
        Assert.Equal(115200, config.Devices.IdCardReaders[0].BaudRate);
        Assert.Equal(9600, config.Devices.SerialIrThermometers[0].BaudRate);
        Assert.Equal("/etc/gateedge/state/journal.db", config.Journal.Path);
    }

    [Fact]
    public void Every_problem_is_reported_at_once_with_its_path()
    {
        var bad = Good
            .Replace("\"Thermometer\": \"thermo\"", "\"Thermometer\": \"thermometer\"", StringComparison.Ordinal)
            .Replace("\"GateId\": \"north\"", "\"GateId\": \"north/gate\"", StringComparison.Ordinal)
            .Replace("\"Port\": \"/dev/ttyUSB0\"", "\"Port\": \"\", \"BaudRate\": 7", StringComparison.Ordinal)
            .Replace("\"Lanes\": [", "\"Rules\": { \"FeverLineC\": 39.0 }, \"Lanes\": [ { \"Id\": \"lane1\", \"CardReaders\": [ \"reader\" ], \"Thermometer\": \"thermo\" },", StringComparison.Ordinal);

        var ex = Assert.Throws<GatewayConfigurationException>(() => Load(bad));

        Assert.Contains(ex.Problems, p => p.StartsWith("Gateway.GateId:", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.StartsWith("Devices.IdCardReaders[0].Port:", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.StartsWith("Devices.IdCardReaders[0].BaudRate:", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.StartsWith("Lanes[1].Id: 'lane1' is used by another lane", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.StartsWith("Lanes[1].Thermometer: rule R3 needs a thermometer; none is named 'thermometer' (known: thermo)", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.StartsWith("Lanes[0]: lane 'lane1': rule R4 needs a mask source", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.StartsWith("Rules.FeverLineC:", StringComparison.Ordinal));
        Assert.Equal(7, ex.Problems.Count);
    }

    [Fact]
    public void A_misspelt_key_is_an_error_not_a_silent_default()
    {
        var ex = Assert.Throws<GatewayConfigurationException>(() => Load(Good.Replace("\"Gateway\": {", "\"Rules\": { \"FeverLine\": 37.5 }, \"Gateway\": {", StringComparison.Ordinal)));

        Assert.Contains("Rules.FeverLine: unknown setting; did you mean FeverLineC?", ex.Problems);
    }

    [Fact]
    public void A_lane_without_devices_names_the_rules_that_need_them()
    {
        var ex = Assert.Throws<GatewayConfigurationException>(() => Load(Good.Replace("\"CardReaders\": [ \"reader\" ], \"Thermometer\": \"thermo\"", "\"CardReaders\": []", StringComparison.Ordinal)));

        Assert.Contains(ex.Problems, p => p.StartsWith("Lanes[0].CardReaders: rule R1", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.StartsWith("Lanes[0].Thermometer: rule R3", StringComparison.Ordinal));
    }

    [Fact]
    public void Plaintext_to_a_remote_broker_needs_an_explicit_allowance_and_TLS_needs_a_CA()
    {
        var remote = Good.Replace("\"Mqtt\": { \"Host\": \"127.0.0.1\" }", "\"Mqtt\": { \"Host\": \"mqtt.example.org\" }", StringComparison.Ordinal);
        var tls = Good.Replace("\"Mqtt\": { \"Host\": \"127.0.0.1\" }", "\"Mqtt\": { \"Host\": \"mqtt.example.org\", \"UseTls\": true, \"PasswordFile\": \"missing\" }", StringComparison.Ordinal);
        var allowed = Good.Replace("\"Mqtt\": { \"Host\": \"127.0.0.1\" }", "\"Mqtt\": { \"Host\": \"mqtt.example.org\", \"AllowInsecure\": true }", StringComparison.Ordinal);

        Assert.Contains(Assert.Throws<GatewayConfigurationException>(() => Load(remote)).Problems, p => p.StartsWith("Mqtt.UseTls:", StringComparison.Ordinal));
        var tlsProblems = Assert.Throws<GatewayConfigurationException>(() => Load(tls)).Problems;
        Assert.Contains(tlsProblems, p => p.StartsWith("Mqtt.CaFile: TLS needs", StringComparison.Ordinal));
        Assert.Contains(tlsProblems, p => p.StartsWith("Mqtt.PasswordFile: /etc/gateedge/missing does not exist", StringComparison.Ordinal));
        Assert.Contains(tlsProblems, p => p.StartsWith("Mqtt.Username:", StringComparison.Ordinal));
        Assert.Equal("mqtt.example.org", Load(allowed).Mqtt.Host);
    }

    [Fact]
    public void A_file_saved_with_a_byte_order_mark_loads_as_without_one_and_places_its_problems_alike()
    {
        var dir = Directory.CreateTempSubdirectory("gateedge-bom-").FullName;
        try
        {
            var bytes = Encoding.UTF8.GetBytes(Good.Replace("\"GateId\": \"north\"", "\"GateId\": \"north gate\"", StringComparison.Ordinal));
            var plain = Path.Combine(dir, "plain.json");
            var marked = Path.Combine(dir, "marked.json");
            File.WriteAllBytes(plain, bytes);
            File.WriteAllBytes(marked, [.. Encoding.UTF8.Preamble, .. bytes]);

            var withoutMark = Assert.Throws<GatewayConfigurationException>(() => ConfigFile.Load(plain, forService: false)).Problems;
            var withMark = Assert.Throws<GatewayConfigurationException>(() => ConfigFile.Load(marked, forService: false)).Problems;

            var only = Assert.Single(withMark);
            Assert.StartsWith("line 2, column ", only, StringComparison.Ordinal);
            Assert.Contains("Gateway.GateId: 'north gate'", only, StringComparison.Ordinal);
            Assert.Equal(withoutMark, withMark);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void An_empty_file_says_so_and_where_to_start_instead_of_the_parsers_words()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("gateedge-empty-").FullName, "gateedge.json");
        File.WriteAllText(path, "\n  \n");

        var refused = Assert.Throws<GatewayConfigurationException>(() => ConfigFile.Load(path, forService: false));

        Assert.StartsWith("the file holds no settings (it is empty, or only comments): start from the example configuration", Assert.Single(refused.Problems), StringComparison.Ordinal);
        Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
    }

    private static GatewayConfiguration Load(string json)
    {
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();
        return ConfigurationLoader.Load(configuration, "test.json", "/etc/gateedge", file: null);
    }
}
