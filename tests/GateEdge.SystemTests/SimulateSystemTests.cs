using GateEdge.SystemTests.Support;

namespace GateEdge.SystemTests;

/// <summary>
/// <c>gateedge simulate</c> on a technician's configuration written for real hardware (by-id serial
/// ports, a GPIO chip, the district's TLS broker): the gate is rehearsed on simulated devices,
/// serial, GPIO and I²C alike, and nothing is written beside the configuration.
/// </summary>
public sealed class SimulateSystemTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gateedge-simulate-").FullName;

    [Fact]
    public async Task A_hardware_configuration_is_rehearsed_lane_by_lane_with_its_own_registry()
    {
        await File.WriteAllTextAsync(Path.Combine(_dir, "registry.json"), """
            { "persons": [
                { "ref": "R-1", "class": "Resident", "credentials": [ { "kind": "NationalId", "number": "11010519491231002X" } ] },
                { "ref": "R-2", "class": "Resident", "credentials": [ { "kind": "CompoundCard", "number": "123/4567" } ] } ] }
            """);
        var config = Path.Combine(_dir, "gateedge.json");
        await File.WriteAllTextAsync(config, """
            // As installed at the gate: by-id ports, the GPIO chip, TLS to the district broker.
            {
              "Gateway": { "Id": "gw-9", "CompoundId": "c-9", "GateId": "south", "StateDirectory": "/var/lib/gateedge" },
              "Devices": {
                "IdCardReaders": [ { "Name": "lane1-idcard", "Port": "/dev/serial/by-id/usb-FTDI_FT232R_USB_UART_A10K1234-if00-port0" } ],
                "SerialIrThermometers": [ { "Name": "lane1-thermometer", "Port": "/dev/serial/by-id/usb-1a86_USB_Serial-if00-port0" } ],
                "WiegandReaders": [ { "Name": "lane2-wiegand", "D0Line": 20, "D1Line": 21 } ],
                "Mlx90614Thermometers": [ { "Name": "lane2-mlx", "Bus": 1 } ],
                "MaskDetectors": [ { "Name": "lane1-mask", "Line": 16 }, { "Name": "lane2-mask", "Line": 12 } ],
              },
              "Lanes": [
                { "Id": "lane1", "CardReaders": [ "lane1-idcard" ], "Thermometer": "lane1-thermometer", "MaskDetector": "lane1-mask" },
                { "Id": "lane2", "Direction": "Out", "CardReaders": [ "lane2-wiegand" ], "Thermometer": "lane2-mlx", "MaskDetector": "lane2-mask" }
              ],
              "Outputs": { "Driver": "Chip", "Chip": 0, "Lanes": [ { "Lane": "lane1", "RelayPin": 17 }, { "Lane": "lane2", "RelayPin": 26 } ] },
              "Registry": { "SeedFile": "registry.json" },
              "Mqtt": { "Host": "mqtt.district.example", "Port": 8883, "UseTls": true, "CaFile": "broker-ca.pem", "Username": "gw-9", "PasswordFile": "mqtt-password" },
              "StatusPage": { "Enabled": false }
            }
            """);
        var besideSimulator = Path.Combine(Path.GetDirectoryName(RepoPaths.SimulatorDll)!, "GateEdge.dll");

        await using var rehearsal = ChildProcess.StartDotnet(besideSimulator, "simulate", "--config", config, "--seconds", "10");

        Assert.Equal(0, await rehearsal.ExitCodeAsync(TimeSpan.FromSeconds(60)));
        var output = rehearsal.Output;
        Assert.Contains("rehearsing gw-9: 2 lane(s), 6 simulated device(s)", output, StringComparison.Ordinal);
        Assert.Matches(@"lane1 in +110105\*{8}002X .*allow", output);
        Assert.Matches(@"lane2 out +\*{4}4567 .*allow", output);
        Assert.Contains("rehearsal over", output, StringComparison.Ordinal);
        Assert.Empty(PersonalData.FoundIn(rehearsal.Lines));
        Assert.Equal(["gateedge.json", "registry.json"], Directory.GetFileSystemEntries(_dir).Select(Path.GetFileName).Order());
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
