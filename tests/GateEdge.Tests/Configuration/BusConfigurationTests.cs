using GateEdge.Configuration;

namespace GateEdge.Tests.Configuration;

/// <summary>
/// Devices naming one port form a bus (docs/devices.md, "Buses"): addressed devices of one family at
/// one line speed, each at its own address. Every other sharing is refused, naming both lines.
/// </summary>
public sealed class BusConfigurationTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gateedge-bus-config-").FullName;

    [Fact]
    public void Four_readers_on_one_bus_and_two_heads_on_another_make_a_four_lane_gate()
    {
        var config = Load(Gate(
            ["""{ "Name": "r1", "Port": "/dev/ttyReaders", "Address": 1 }""", """{ "Name": "r2", "Port": "/dev/ttyReaders", "Address": 2 }""", """{ "Name": "r3", "Port": "/dev/ttyReaders", "Address": 3 }""", """{ "Name": "r4", "Port": "/dev/ttyReaders", "Address": 4 }"""],
            ["""{ "Name": "h1", "Port": "/dev/ttyHeads", "Address": 1 }""", """{ "Name": "h2", "Port": "/dev/ttyHeads", "Address": 2 }"""]));

        Assert.Equal(4, config.Devices.OsdpReaders.Count(r => r.Port == "/dev/ttyReaders"));
        Assert.Equal(2, config.Devices.ModbusThermometers.Count(h => h.Port == "/dev/ttyHeads"));
    }

    [Fact]
    public void Two_readers_at_one_address_on_one_bus_are_refused_naming_both_lines()
    {
        var problems = Problems(Gate(
            ["""{ "Name": "r1", "Port": "/dev/ttyReaders", "Address": 1 }""", """{ "Name": "r2", "Port": "/dev/ttyReaders", "Address": 2 }""", """{ "Name": "r3", "Port": "/dev/ttyReaders", "Address": 3 }""", """{ "Name": "r4", "Port": "/dev/ttyReaders", "Address": 2 }"""],
            ["""{ "Name": "h1", "Port": "/dev/ttyHeads1" }""", """{ "Name": "h2", "Port": "/dev/ttyHeads2" }"""]));

        Assert.Equal("line 9, column 50: Devices.OsdpReaders[3].Address: 2 is also the address of 'r2' on /dev/ttyReaders (Devices.OsdpReaders[1], line 7); each device on a bus answers at its own address",
            Assert.Single(problems));
    }

    [Fact]
    public void Devices_of_one_bus_at_two_line_speeds_are_refused()
    {
        var problems = Problems(Gate(
            ["""{ "Name": "r1", "Port": "/dev/ttyReaders", "Address": 1 }""", """{ "Name": "r2", "Port": "/dev/ttyReaders", "Address": 2 }""", """{ "Name": "r3", "Port": "/dev/ttyReaders", "Address": 3 }""", """{ "Name": "r4", "Port": "/dev/ttyReaders", "Address": 4, "BaudRate": 19200 }"""],
            ["""{ "Name": "h1", "Port": "/dev/ttyHeads", "Address": 1 }""", """{ "Name": "h2", "Port": "/dev/ttyHeads", "Address": 2 }"""]));

        Assert.Contains("Devices.OsdpReaders[3].BaudRate: 19200 differs from 9600 of 'r1' on the same port (Devices.OsdpReaders[0], line 6); devices on one bus share its line speed",
            Assert.Single(problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Readers_and_heads_on_one_port_are_refused()
    {
        var problems = Problems(Gate(
            ["""{ "Name": "r1", "Port": "/dev/ttyBus", "Address": 1 }""", """{ "Name": "r2", "Port": "/dev/ttyBus", "Address": 2 }""", """{ "Name": "r3", "Port": "/dev/ttyBus", "Address": 3 }""", """{ "Name": "r4", "Port": "/dev/ttyBus", "Address": 4 }"""],
            ["""{ "Name": "h1", "Port": "/dev/ttyBus", "Address": 5 }""", """{ "Name": "h2", "Port": "/dev/ttyHeads", "Address": 2 }"""]));

        // The heads come first in the table of families: each reader is told whose port it took.
        Assert.Equal(4, problems.Count);
        Assert.All(problems, p => Assert.EndsWith(".Port: /dev/ttyBus is already used by 'h1' (Devices.ModbusThermometers[0], line 12); a bus carries one family: only OSDP readers, or only Modbus heads, each at its own address", p, StringComparison.Ordinal));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>A four-lane gate: a reader and a head per lane, lanes 1–2 on the first head, 3–4 on the second.</summary>
    private static string Gate(string[] readers, string[] heads) => $$"""
        {
          "Gateway": { "Id": "gw-1", "CompoundId": "c-1", "GateId": "north" },
          "Mqtt": { "Host": "127.0.0.1" },
          "Devices": {
            "OsdpReaders": [
              {{string.Join(",\n      ", readers)}}
            ],
            "ModbusThermometers": [
              {{string.Join(",\n      ", heads)}}
            ]
          },
          "Rules": { "MaskRequired": false },
          "Lanes": [ { "Id": "lane1", "CardReaders": [ "r1" ], "Thermometer": "h1" }, { "Id": "lane2", "CardReaders": [ "r2" ], "Thermometer": "h1" },
                     { "Id": "lane3", "CardReaders": [ "r3" ], "Thermometer": "h2" }, { "Id": "lane4", "CardReaders": [ "r4" ], "Thermometer": "h2" } ]
        }
        """;

    private GatewayConfiguration Load(string json)
    {
        var path = Path.Combine(_dir, "gateedge.json");
        File.WriteAllText(path, json);
        return ConfigFile.Load(path, forService: false);
    }

    private IReadOnlyList<string> Problems(string json) =>
        Assert.Throws<GatewayConfigurationException>(() => Load(json)).Problems;
}
