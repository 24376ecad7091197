using GateEdge.SystemTests.Support;

namespace GateEdge.SystemTests;

/// <summary>
/// A lane wired with a 125 kHz compound-card reader (RDM6300) and a Modbus RTU temperature head,
/// configured from the file only: the families share lanes, rules, journal and contract.
/// </summary>
public sealed class CompoundCardLaneTests : GateTest
{
    [Fact]
    public async Task A_registered_tag_is_allowed_and_an_unknown_tag_is_denied_by_R1()
    {
        var links = Gate.Links;
        await File.WriteAllTextAsync(Path.Combine(Gate.Dir, "registry.json"), """
            { "persons": [ { "ref": "S-1", "class": "Staff", "credentials": [ { "kind": "CompoundCard", "number": "14008EC793" } ] } ] }
            """);
        var config = Path.Combine(Gate.Dir, "gateedge.json");
        await File.WriteAllTextAsync(config, $$"""
            {
              "Gateway": { "Id": "gw-7", "CompoundId": "c-7", "GateId": "east" },
              "Devices": {
                "Rdm6300Readers": [ { "Name": "lane2-tags", "Port": "{{links}}/lane2-tags" } ],
                "ModbusThermometers": [ { "Name": "lane2-head", "Port": "{{links}}/lane2-head", "Address": 1, "Register": 0, "Scale": 0.1 } ]
              },
              "Lanes": [ { "Id": "lane2", "Direction": "Out", "CardReaders": [ "lane2-tags" ], "Thermometer": "lane2-head" } ],
              "Registry": { "SeedFile": "registry.json" },
              "Mqtt": { "Port": {{Broker.Port}} },
              "Serilog": { "MinimumLevel": { "Default": "Information" }, "WriteTo": [ { "Name": "Console" } ] }
            }
            """);
        await File.WriteAllTextAsync(Path.Combine(Gate.Dir, "script.json"), """
            {
              "devices": [ { "name": "lane2-tags", "kind": "rdm6300-reader" }, { "name": "lane2-head", "kind": "modbus-thermometer" } ],
              "people": [
                { "name": "保安甲", "idNumber": "11010519491231002X", "compoundCard": "14008EC793" },
                { "name": "陌生人", "idNumber": "440304198506120035", "compoundCard": "0A0B0C0D0E" } ],
              "visits": [
                { "person": "保安甲", "reader": "lane2-tags", "thermometer": "lane2-head", "bodyC": 36.5, "after": "00:00:00.2" },
                { "person": "陌生人", "reader": "lane2-tags", "thermometer": "lane2-head", "bodyC": 36.7, "after": "00:00:00.8" } ]
            }
            """);
        await using var centre = await CentreSubscriber.ConnectAsync(Broker.Port);
        await using var gateway = ChildProcess.StartDotnet(RepoPaths.GateEdgeDll, "--config", config);
        await using var simulator = Gate.StartSimulator();

        await Eventually.True(() => centre.Passages.Count() >= 2, () => $"two passages; gateway printed:\n{gateway.Output}", TimeSpan.FromSeconds(60));

        var passages = centre.Passages.ToArray();
        Assert.Equal([("allow", "staff", "S-1"), ("deny", "unknown", null)],
            passages.Select(p => (p.GetProperty("outcome").GetString(), p.GetProperty("person").GetProperty("class").GetString(), p.GetProperty("person").GetProperty("ref").GetString())));
        Assert.Equal(["******C793", "******0D0E"], passages.Select(p => p.GetProperty("credential").GetProperty("masked").GetString()));
        Assert.All(passages, p => Assert.Equal("compound-card", p.GetProperty("credential").GetProperty("kind").GetString()));
        Assert.Equal([36.5m, 36.7m], passages.Select(p => p.GetProperty("temperature").GetProperty("bodyC").GetDecimal()));
        Assert.Equal("unknown compound card", passages[1].GetProperty("reasons")[0].GetString());
        Assert.Empty(centre.Messages.SelectMany(m => PublishedSchemas.Check(m.Payload)));
    }
}
