using GateEdge.Commands;
using GateEdge.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace GateEdge.Tests.Hosting;

/// <summary>The host as the service builds it: what its parts ask for by interface is there to be given.</summary>
public sealed class GatewayHostTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gateedge-host-").FullName;

    [Fact]
    public void A_gateway_started_from_a_file_can_take_a_pushed_configuration()
    {
        var config = Path.Combine(_dir, "gateedge.json");
        File.WriteAllText(config, $$"""
            {
              "Gateway": { "Id": "gw-1", "CompoundId": "c-1", "GateId": "north", "StateDirectory": "{{Path.Combine(_dir, "state")}}" },
              "Mqtt": { "Host": "127.0.0.1" },
              "StatusPage": { "Enabled": false },
              "Devices": {
                "IdCardReaders": [ { "Name": "reader", "Port": "/dev/ttyS90" } ],
                "SerialIrThermometers": [ { "Name": "thermo", "Port": "/dev/ttyS91" } ]
              },
              "Rules": { "MaskRequired": false },
              "Lanes": [ { "Id": "lane1", "CardReaders": [ "reader" ], "Thermometer": "thermo" } ]
            }
            """);

        using var host = GatewayHost.Build(config, []);

        // The command service takes an optional push: a registration under another type would leave it null, and every push refused.
        Assert.IsType<ConfigurationPush>(host.Services.GetService<IConfigurationPush>());
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
