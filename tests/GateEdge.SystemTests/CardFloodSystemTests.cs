using GateEdge.SystemTests.Support;

namespace GateEdge.SystemTests;

/// <summary>
/// Someone on a 125 kHz reader's cable sends a made-up tag every 5 ms for four seconds: the reader
/// is flagged with one alarm, a bounded number of attempts is recorded instead of one per forged
/// tag, the other lane decides a resident meanwhile, and a resident at the flooded lane is decided
/// once the flood is over.
/// </summary>
public sealed class CardFloodSystemTests : GateTest
{
    [Fact]
    public async Task A_flood_of_forged_tags_is_counted_not_recorded_and_the_lanes_go_on_deciding()
    {
        string links = Gate.Links;
        await File.WriteAllTextAsync(Path.Combine(Gate.Dir, "registry.json"), """
            { "persons": [
              { "ref": "R-1", "class": "Resident", "credentials": [ { "kind": "CompoundCard", "number": "14008EC793" } ] },
              { "ref": "R-2", "class": "Resident", "credentials": [ { "kind": "CompoundCard", "number": "0A0B0C0D0E" } ] } ] }
            """);
        var config = Path.Combine(Gate.Dir, "gateedge.json");
        await File.WriteAllTextAsync(config, $$"""
            {
              "Gateway": { "Id": "gw-7", "CompoundId": "c-7", "GateId": "east", "StateDirectory": "{{Gate.StateDirectory}}" },
              "StatusPage": { "Enabled": false },
              "Devices": {
                "Rdm6300Readers": [ { "Name": "lane1-tags", "Port": "{{links}}/lane1-tags" }, { "Name": "lane2-tags", "Port": "{{links}}/lane2-tags" } ],
                "ModbusThermometers": [ { "Name": "head1", "Port": "{{links}}/heads", "Address": 1 }, { "Name": "head2", "Port": "{{links}}/heads", "Address": 2 } ]
              },
              "Lanes": [ { "Id": "lane1", "CardReaders": [ "lane1-tags" ], "Thermometer": "head1" }, { "Id": "lane2", "CardReaders": [ "lane2-tags" ], "Thermometer": "head2" } ],
              "Rules": { "MaskRequired": false, "DuplicateWindow": "00:00:00", "MaxCardsPerWindow": 5, "CardReadWindow": "00:00:05" },
              "Registry": { "SeedFile": "registry.json" },
              "Mqtt": { "Host": "127.0.0.1", "Port": {{Broker.Port}} },
              "Serilog": { "MinimumLevel": { "Default": "Information" }, "WriteTo": [ { "Name": "Console" } ] }
            }
            """);
        await File.WriteAllTextAsync(Path.Combine(Gate.Dir, "script.json"), """
            {
              "devices": [ { "name": "lane1-tags", "kind": "rdm6300-reader" }, { "name": "lane2-tags", "kind": "rdm6300-reader" },
                           { "name": "head1", "kind": "modbus-thermometer", "port": "heads", "address": 1 }, { "name": "head2", "kind": "modbus-thermometer", "port": "heads", "address": 2 } ],
              "people": [
                { "name": "居民1", "idNumber": "11010519491231002X", "compoundCard": "14008EC793" },
                { "name": "居民2", "idNumber": "440304198506120035", "compoundCard": "0A0B0C0D0E" } ],
              "visits": [
                { "person": "居民2", "reader": "lane2-tags", "thermometer": "head2", "bodyC": 36.6, "after": "00:00:02" },
                { "person": "居民1", "reader": "lane1-tags", "thermometer": "head1", "bodyC": 36.5, "after": "00:00:09" } ],
              "faults": [ { "device": "lane1-tags", "fault": "card-flood", "at": "00:00:01", "for": "00:00:04" } ]
            }
            """);
        await using var centre = await CentreSubscriber.ConnectAsync(Broker.Port);
        await using var gateway = ChildProcess.StartDotnet(RepoPaths.GateEdgeDll, "--config", config);
        await using var simulator = Gate.StartSimulator();

        await Eventually.True(() => simulator.Output.Contains("script done", StringComparison.Ordinal), () => $"the script played; gateway printed:\n{gateway.Output}", TimeSpan.FromSeconds(60));
        await Eventually.True(() => centre.Passages.Any(p => p.GetProperty("person").GetProperty("ref").ValueKind == System.Text.Json.JsonValueKind.String
            && p.GetProperty("person").GetProperty("ref").GetString() == "R-1"), () => $"R-1's passage; gateway printed:\n{gateway.Output}", TimeSpan.FromSeconds(20));

        var lane1 = centre.Passages.Where(p => p.GetProperty("lane").GetString() == "lane1").ToArray();
        var flooded = lane1[..^1];
        // Four seconds of a tag every 5 ms is about 800 forged reads: at most 5 a window of 5 s get through.
        Assert.InRange(flooded.Length, 1, 10);
        Assert.All(flooded, p => Assert.NotEqual("allow", p.GetProperty("outcome").GetString()));
        Assert.Equal(("allow", "R-1"), (lane1[^1].GetProperty("outcome").GetString(), lane1[^1].GetProperty("person").GetProperty("ref").GetString()));
        var lane2 = Assert.Single(centre.Passages, p => p.GetProperty("lane").GetString() == "lane2");
        Assert.Equal(("allow", "R-2"), (lane2.GetProperty("outcome").GetString(), lane2.GetProperty("person").GetProperty("ref").GetString()));

        var alarm = Assert.Single(centre.Events, e => e.GetProperty("schema").GetString() == "gateedge.alarm/1");
        Assert.Equal("read-flood", alarm.GetProperty("alarm").GetString());
        Assert.StartsWith("lane1-tags: ", alarm.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(centre.Messages.SelectMany(m => PublishedSchemas.Check(m.Payload)));
    }
}
