using GateEdge.SystemTests.Support;

namespace GateEdge.SystemTests;

/// <summary>
/// A lane wired with each serial compound-card reader family and a Modbus RTU temperature head,
/// configured from the file only: the families share lanes, rules, journal and contract.
/// </summary>
public sealed class CompoundCardLaneTests : GateTest
{
    /// <summary>A reader family: its configuration section and settings, its simulator kind and settings, two cards and how they appear masked.</summary>
    private static readonly Dictionary<string, (string Section, string Settings, string Kind, string SimSettings, string Staff, string Stranger, string[] Masked)> Families = new()
    {
        ["rdm6300"] = ("Rdm6300Readers", "", "rdm6300-reader", "", "14008EC793", "0A0B0C0D0E", ["******C793", "******0D0E"]),
        ["ascii-line"] = ("AsciiLineReaders", ", \"Radix\": \"Decimal\", \"ByteOrder\": \"Reversed\"", "ascii-line-reader", ", \"radix\": \"decimal\", \"byteOrder\": \"reversed\"",
            "26DEFAE7", "01020304", ["****FAE7", "****0304"]),
        ["pn532"] = ("Pn532Readers", "", "pn532-reader", "", "B0864D25", "04A1B2C3D4E5F6", ["****4D25", "**********E5F6"]),
        ["osdp"] = ("OsdpReaders", ", \"Address\": 1", "osdp-reader", ", \"address\": 1", "123/4567", "4000000000", ["****4567", "******0000"]),
    };

    public static TheoryData<string> FamilyNames => [.. Families.Keys];

    /// <summary>Every card number these tests present, in full: no log line may hold one (<see cref="PersonalData"/>).</summary>
    internal static IEnumerable<string> CardNumbers => Families.Values.SelectMany(f => new[] { f.Staff, f.Stranger });

    [Theory]
    [MemberData(nameof(FamilyNames))]
    public async Task A_registered_card_is_allowed_and_an_unknown_card_is_denied_by_R1(string family)
    {
        var f = Families[family];
        var links = Gate.Links;
        await File.WriteAllTextAsync(Path.Combine(Gate.Dir, "registry.json"), $$"""
            { "persons": [ { "ref": "S-1", "class": "Staff", "credentials": [ { "kind": "CompoundCard", "number": "{{f.Staff}}" } ] } ] }
            """);
        var config = Path.Combine(Gate.Dir, "gateedge.json");
        await File.WriteAllTextAsync(config, $$"""
            {
              "Gateway": { "Id": "gw-7", "CompoundId": "c-7", "GateId": "east" },
              "StatusPage": { "Enabled": false },
              "Devices": {
                "{{f.Section}}": [ { "Name": "lane2-tags", "Port": "{{links}}/lane2-tags"{{f.Settings}} } ],
                "ModbusThermometers": [ { "Name": "lane2-head", "Port": "{{links}}/lane2-head", "Address": 1, "Register": 0, "Scale": 0.1 } ]
              },
              "Lanes": [ { "Id": "lane2", "Direction": "Out", "CardReaders": [ "lane2-tags" ], "Thermometer": "lane2-head" } ],
              "Rules": { "MaskRequired": false },
              "Registry": { "SeedFile": "registry.json" },
              "Mqtt": { "Host": "127.0.0.1", "Port": {{Broker.Port}} },
              "Serilog": { "MinimumLevel": { "Default": "Information" }, "WriteTo": [ { "Name": "Console" } ] }
            }
            """);
        // A card held 1.5 s, as a person holds one: a reader polled every 250 ms (the PN532's) may, on a
        // loaded box, let a card held the default 0.4 s come and go between two polls.
        await File.WriteAllTextAsync(Path.Combine(Gate.Dir, "script.json"), $$"""
            {
              "devices": [ { "name": "lane2-tags", "kind": "{{f.Kind}}"{{f.SimSettings}} }, { "name": "lane2-head", "kind": "modbus-thermometer" } ],
              "people": [
                { "name": "保安甲", "idNumber": "11010519491231002X", "compoundCard": "{{f.Staff}}" },
                { "name": "陌生人", "idNumber": "440304198506120035", "compoundCard": "{{f.Stranger}}" } ],
              "visits": [
                { "person": "保安甲", "reader": "lane2-tags", "thermometer": "lane2-head", "bodyC": 36.5, "after": "00:00:00.2" },
                { "person": "陌生人", "reader": "lane2-tags", "thermometer": "lane2-head", "bodyC": 36.7, "after": "00:00:00.8" } ],
              "leaveTime": "00:00:01.5"
            }
            """);
        await using var centre = await CentreSubscriber.ConnectAsync(Broker.Port);
        await using var gateway = ChildProcess.StartDotnet(RepoPaths.GateEdgeDll, "--config", config);
        await using var simulator = Gate.StartSimulator();

        await Eventually.True(() => centre.Passages.Count() >= 2, () => $"two passages; gateway printed:\n{gateway.Output}", TimeSpan.FromSeconds(60));

        var passages = centre.Passages.ToArray();
        Assert.Equal([("allow", "staff", "S-1"), ("deny", "unknown", null)],
            passages.Select(p => (p.GetProperty("outcome").GetString(), p.GetProperty("person").GetProperty("class").GetString(), p.GetProperty("person").GetProperty("ref").GetString())));
        Assert.Equal(f.Masked, passages.Select(p => p.GetProperty("credential").GetProperty("masked").GetString()));
        Assert.All(passages, p => Assert.Equal("compound-card", p.GetProperty("credential").GetProperty("kind").GetString()));
        Assert.Equal([36.5m, 36.7m], passages.Select(p => p.GetProperty("temperature").GetProperty("bodyC").GetDecimal()));
        Assert.Equal("unknown compound card", passages[1].GetProperty("reasons")[0].GetString());
        Assert.Empty(centre.Messages.SelectMany(m => PublishedSchemas.Check(m.Payload)));
    }
}
