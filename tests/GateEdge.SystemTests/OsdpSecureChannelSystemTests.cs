using GateEdge.SystemTests.Support;

namespace GateEdge.SystemTests;

/// <summary>
/// An OSDP reader brought into service as an installer would: install mode gives it a key over a
/// session on the default key, the key is kept for the service's user only, and from then on the
/// reader is read over its secure channel. A read replayed in clear on its cable is refused with an
/// alarm at the centre, while the reader's own reads, before and after, are decided.
/// </summary>
public sealed class OsdpSecureChannelSystemTests : GateTest
{
    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task Install_mode_keys_the_reader_and_a_read_replayed_in_clear_on_its_cable_opens_nothing()
    {
        string links = Gate.Links;
        await File.WriteAllTextAsync(Path.Combine(Gate.Dir, "registry.json"), """
            { "persons": [
              { "ref": "R-1", "class": "Resident", "credentials": [ { "kind": "CompoundCard", "number": "101/1001" } ] },
              { "ref": "R-2", "class": "Resident", "credentials": [ { "kind": "CompoundCard", "number": "102/1002" } ] } ] }
            """);
        var config = Path.Combine(Gate.Dir, "gateedge.json");
        await File.WriteAllTextAsync(config, $$"""
            {
              "Gateway": { "Id": "gw-7", "CompoundId": "c-7", "GateId": "east", "StateDirectory": "{{Gate.StateDirectory}}" },
              "StatusPage": { "Enabled": false },
              "Devices": {
                "OsdpReaders": [ { "Name": "lane1-reader", "Port": "{{links}}/lane1-reader", "Address": 1, "KeyFile": "keys/lane1-reader.scbk", "InstallMode": true, "OfflineAfter": "00:00:02" } ],
                "ModbusThermometers": [ { "Name": "lane1-head", "Port": "{{links}}/lane1-head", "Address": 1 } ]
              },
              "Lanes": [ { "Id": "lane1", "CardReaders": [ "lane1-reader" ], "Thermometer": "lane1-head" } ],
              "Rules": { "MaskRequired": false, "DuplicateWindow": "00:00:00" },
              "Registry": { "SeedFile": "registry.json" },
              "Mqtt": { "Host": "127.0.0.1", "Port": {{Broker.Port}} },
              "Serilog": { "MinimumLevel": { "Default": "Information" }, "WriteTo": [ { "Name": "Console" } ] }
            }
            """);
        Directory.CreateDirectory(Path.Combine(Gate.Dir, "keys"));
        // R-1 presents a card; 3 s later the cable replays that read in clear for 3 s; then R-2.
        await File.WriteAllTextAsync(Path.Combine(Gate.Dir, "script.json"), """
            {
              "devices": [ { "name": "lane1-reader", "kind": "osdp-reader", "address": 1, "installMode": true }, { "name": "lane1-head", "kind": "modbus-thermometer" } ],
              "people": [
                { "name": "居民1", "idNumber": "11010519491231002X", "compoundCard": "101/1001" },
                { "name": "居民2", "idNumber": "440304198506120035", "compoundCard": "102/1002" } ],
              "visits": [
                { "person": "居民1", "reader": "lane1-reader", "thermometer": "lane1-head", "bodyC": 36.5, "after": "00:00:00.5" },
                { "person": "居民2", "reader": "lane1-reader", "thermometer": "lane1-head", "bodyC": 36.6, "after": "00:00:09" } ],
              "faults": [ { "device": "lane1-reader", "fault": "forged-read", "at": "00:00:03", "for": "00:00:03" } ]
            }
            """);
        await using var centre = await CentreSubscriber.ConnectAsync(Broker.Port);
        await using var gateway = ChildProcess.StartDotnet(RepoPaths.GateEdgeDll, "--config", config);
        await using var simulator = Gate.StartSimulator();

        await simulator.WaitForLineAsync("script done", TimeSpan.FromSeconds(60));
        await Eventually.True(() => centre.Passages.Count() >= 2, () => $"two passages; gateway printed:\n{gateway.Output}", TimeSpan.FromSeconds(15));

        // The reader's own reads, each decided once; the replayed one is nowhere.
        Assert.Equal([("allow", "R-1"), ("allow", "R-2")], centre.Passages.Select(p => (p.GetProperty("outcome").GetString(), p.GetProperty("person").GetProperty("ref").GetString())));
        var alarms = centre.Events.Where(e => e.GetProperty("schema").GetString() == "gateedge.alarm/1").ToArray();
        Assert.Equal(["reader-key-set", "reader-security"], alarms.Select(a => a.GetProperty("alarm").GetString()));
        Assert.Contains("lane1-reader: a reply in clear from a reader that has a key", alarms[1].GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(centre.Messages.SelectMany(m => PublishedSchemas.Check(m.Payload)));

        // The key is kept for the service's user only, and the log says the channel is secure.
        var keyFile = Path.Combine(Gate.Dir, "keys", "lane1-reader.scbk");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
        Assert.Matches("^[0-9A-F]{32}$", File.ReadAllText(keyFile).Trim());
        Assert.Contains("Device lane1-reader: secure channel open", gateway.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(File.ReadAllText(keyFile).Trim(), gateway.Output, StringComparison.Ordinal);
    }
}
