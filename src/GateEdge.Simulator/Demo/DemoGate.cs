using GateEdge.Simulator.Devices;
using GateEdge.Simulator.Script;

namespace GateEdge.Simulator.Demo;

/// <summary>The demo's gate: two lanes, a few residents, a visitor, and the files the gateway reads.</summary>
internal static class DemoGate
{
    private static readonly SimPerson Zhang = new("张三", "11010519491231002X", BirthDate: "19491231");
    private static readonly SimPerson Li = new("李四", "440304198506120035", BirthDate: "19850612");
    private static readonly SimPerson Wang = new("王五", "420106197203080041", Sex: "2", BirthDate: "19720308");
    private static readonly SimPerson Zhao = new("赵六", "310115199911110053", BirthDate: "19991111");
    private static readonly SimPerson Chen = new("陈七", "110108200002290063", Sex: "2", BirthDate: "20000229");

    public static SimulatorScript Script => new(
        [
            new("lane1-idcard", SimulatorScript.IdCardReaderKind),
            new("lane1-thermometer", SimulatorScript.SerialIrThermometerKind),
            new("lane2-idcard", SimulatorScript.IdCardReaderKind),
            new("lane2-thermometer", SimulatorScript.SerialIrThermometerKind),
        ],
        [Zhang, Li, Wang, Zhao, Chen],
        [
            Visit(Zhang, 1, 36.6m, 1),
            Visit(Li, 1, 38.1m, 2),
            Visit(Chen, 2, 36.8m, 2),
            Visit(Wang, 1, 30.0m, 2),
            Visit(Li, 1, 38.2m, 4),
            Visit(Zhao, 1, 36.5m, 2),
        ],
        Loop: true);

    /// <summary>Registered persons: everyone but 赵六, who arrives as a visitor.</summary>
    public static string RegistryJson => $$"""
        {
          "persons": [
            {{Resident("R-0001", Zhang)}},
            {{Resident("R-0002", Li)}},
            {{Resident("R-0003", Wang)}},
            {{Resident("R-0004", Chen)}}
          ]
        }
        """;

    public static string ConfigJson(string links, int brokerPort, string logFile) => $$"""
        {
          "Gateway": { "Id": "demo-gw-01", "CompoundId": "demo-compound", "GateId": "north-gate", "StateDirectory": "state" },
          "Devices": {
            "IdCardReaders": [
              { "Name": "lane1-idcard", "Port": "{{links}}/lane1-idcard" },
              { "Name": "lane2-idcard", "Port": "{{links}}/lane2-idcard" }
            ],
            "SerialIrThermometers": [
              { "Name": "lane1-thermometer", "Port": "{{links}}/lane1-thermometer" },
              { "Name": "lane2-thermometer", "Port": "{{links}}/lane2-thermometer" }
            ]
          },
          "Lanes": [
            { "Id": "lane1", "Direction": "In", "Mode": "Unattended", "CardReaders": [ "lane1-idcard" ], "Thermometer": "lane1-thermometer" },
            { "Id": "lane2", "Direction": "Out", "Mode": "Unattended", "CardReaders": [ "lane2-idcard" ], "Thermometer": "lane2-thermometer" }
          ],
          "Outputs": {
            "Driver": "Simulated",
            "Lanes": [
              { "Lane": "lane1", "RelayPin": 17, "GreenLampPin": 22, "RedLampPin": 27 },
              { "Lane": "lane2", "RelayPin": 5, "GreenLampPin": 6, "RedLampPin": 13 }
            ]
          },
          "Rules": { "RetestRest": "00:00:05" },
          "Registry": { "SeedFile": "registry.json" },
          "Mqtt": { "Host": "127.0.0.1", "Port": {{brokerPort}} },
          "Serilog": {
            "MinimumLevel": { "Default": "Information", "Override": { "Microsoft": "Warning" } },
            "WriteTo": [
              { "Name": "Console", "Args": { "restrictedToMinimumLevel": "Warning" } },
              { "Name": "File", "Args": { "path": "{{logFile}}", "formatter": "Serilog.Formatting.Compact.CompactJsonFormatter, Serilog.Formatting.Compact" } }
            ]
          }
        }
        """;

    private static SimulatorScript.Visit Visit(SimPerson person, int lane, decimal bodyC, double afterSeconds) =>
        new(person.Name, $"lane{lane}-idcard", $"lane{lane}-thermometer", bodyC, TimeSpan.FromSeconds(afterSeconds));

    private static string Resident(string reference, SimPerson person) =>
        $$"""{ "ref": "{{reference}}", "class": "Resident", "credentials": [ { "kind": "NationalId", "number": "{{person.IdNumber}}" } ] }""";
}
