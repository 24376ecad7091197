using GateEdge.Devices.CardReaders.IdCard;
using GateEdge.Devices.CardReaders.Wiegand;
using GateEdge.Devices.Inputs;
using GateEdge.Devices.Thermometers.Mlx90614;
using GateEdge.Devices.Thermometers.SerialIr;
using GateEdge.Devices.Voice;
using GateEdge.Simulator.Devices;
using GateEdge.Simulator.Script;

namespace GateEdge.Simulator.Demo;

/// <summary>
/// The demo's gate: two lanes of serial devices (ID-card reader, IR module) and a third of I²C and
/// GPIO parts (Wiegand badge reader, MLX90614), each with a mask detector; a few residents, a
/// visitor, and the files the gateway reads.
/// </summary>
internal static class DemoGate
{
    private static readonly SimPerson Zhang = new("张三", "11010519491231002X", BirthDate: "19491231");
    private static readonly SimPerson Li = new("李四", "440304198506120035", BirthDate: "19850612");
    private static readonly SimPerson Wang = new("王五", "420106197203080041", Sex: "2", BirthDate: "19720308");
    private static readonly SimPerson Zhao = new("赵六", "310115199911110053", BirthDate: "19991111");
    private static readonly SimPerson Chen = new("陈七", "110108200002290063", Sex: "2", BirthDate: "20000229", CompoundCard: "123/4567");
    private static readonly SimPerson Zhou = new("周八", "420102196501010076", BirthDate: "19650101", CompoundCard: "123/4568");

    public static SimulatorScript Script => new(
        [
            new("lane1-idcard", IdCardReaderFamily.Family.Kind),
            new("lane1-thermometer", SerialIrThermometerFamily.Family.Kind),
            new("lane1-voice", VoiceModuleFamily.Family.Kind),
            new("lane2-idcard", IdCardReaderFamily.Family.Kind),
            new("lane2-thermometer", SerialIrThermometerFamily.Family.Kind),
            new("lane1-mask", MaskDetectorFamily.Family.Kind, Line: 16),
            new("lane2-mask", MaskDetectorFamily.Family.Kind, Line: 18),
            new("lane3-wiegand", WiegandReaderFamily.Family.Kind, D0Line: 20, D1Line: 21),
            new("lane3-mlx", Mlx90614ThermometerFamily.Family.Kind, Bus: 1),
            new("lane3-mask", MaskDetectorFamily.Family.Kind, Line: 12),
        ],
        [Zhang, Li, Wang, Zhao, Chen, Zhou],
        [
            Visit(Zhang, 1, 36.6m, 1),
            Visit(Li, 1, 38.1m, 2),
            Visit(Chen, 2, 36.8m, 2),
            Visit(Wang, 1, 30.0m, 2),
            Visit(Li, 1, 38.2m, 4),
            Visit(Zhao, 1, 36.5m, 2),
            Visit(Wang, 2, 36.5m, 2, masked: false),
            BadgeVisit(Chen, 36.4m, masked: true),
            BadgeVisit(Zhou, 36.7m, masked: false),
        ],
        Loop: true);

    /// <summary>Registered persons: everyone but 赵六, who arrives as a visitor.</summary>
    public static string RegistryJson => $$"""
        {
          "persons": [
            {{Resident("R-0001", Zhang)}},
            {{Resident("R-0002", Li)}},
            {{Resident("R-0003", Wang)}},
            {{Resident("R-0004", Chen)}},
            {{Resident("R-0005", Zhou)}}
          ]
        }
        """;

    public static string ConfigJson(string links, int brokerPort, string logFile, int statusPort) => $$"""
        {
          "Gateway": { "Id": "demo-gw-01", "CompoundId": "demo-compound", "GateId": "north-gate", "StateDirectory": "state" },
          "StatusPage": { "Listen": "http://127.0.0.1:{{statusPort}}" },
          "Devices": {
            "IdCardReaders": [
              { "Name": "lane1-idcard", "Port": "{{links}}/lane1-idcard" },
              { "Name": "lane2-idcard", "Port": "{{links}}/lane2-idcard" }
            ],
            "SerialIrThermometers": [
              { "Name": "lane1-thermometer", "Port": "{{links}}/lane1-thermometer" },
              { "Name": "lane2-thermometer", "Port": "{{links}}/lane2-thermometer" }
            ],
            "I2cDriver": "Simulated",
            "VoiceModules": [ { "Name": "lane1-voice", "Port": "{{links}}/lane1-voice" } ],
            "WiegandReaders": [ { "Name": "lane3-wiegand", "D0Line": 20, "D1Line": 21 } ],
            "Mlx90614Thermometers": [ { "Name": "lane3-mlx", "Bus": 1 } ],
            "MaskDetectors": [
              { "Name": "lane1-mask", "Line": 16 },
              { "Name": "lane2-mask", "Line": 18 },
              { "Name": "lane3-mask", "Line": 12 }
            ]
          },
          "Lanes": [
            { "Id": "lane1", "Direction": "In", "Mode": "Unattended", "CardReaders": [ "lane1-idcard" ], "Thermometer": "lane1-thermometer", "MaskDetector": "lane1-mask", "Voice": "lane1-voice" },
            { "Id": "lane2", "Direction": "Out", "Mode": "Unattended", "CardReaders": [ "lane2-idcard" ], "Thermometer": "lane2-thermometer", "MaskDetector": "lane2-mask", "Language": "en" },
            { "Id": "lane3", "Direction": "In", "Mode": "Unattended", "CardReaders": [ "lane3-wiegand" ], "Thermometer": "lane3-mlx", "MaskDetector": "lane3-mask" }
          ],
          "Outputs": {
            "Driver": "Simulated",
            "Lanes": [
              { "Lane": "lane1", "RelayPin": 17, "GreenLampPin": 22, "RedLampPin": 27 },
              { "Lane": "lane2", "RelayPin": 5, "GreenLampPin": 6, "RedLampPin": 13 },
              { "Lane": "lane3", "RelayPin": 26, "GreenLampPin": 23, "RedLampPin": 24, "BuzzerPin": 25, "Lock": "FailSafe" }
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

    private static SimulatorScript.Visit Visit(SimPerson person, int lane, decimal bodyC, double afterSeconds, bool masked = true) =>
        new(person.Name, $"lane{lane}-idcard", $"lane{lane}-thermometer", bodyC, TimeSpan.FromSeconds(afterSeconds), $"lane{lane}-mask", masked);

    private static SimulatorScript.Visit BadgeVisit(SimPerson person, decimal bodyC, bool masked) =>
        new(person.Name, "lane3-wiegand", "lane3-mlx", bodyC, TimeSpan.FromSeconds(2), "lane3-mask", masked);

    private static string Resident(string reference, SimPerson person) => person.CompoundCard is { } badge
        ? $$"""{ "ref": "{{reference}}", "class": "Resident", "credentials": [ { "kind": "NationalId", "number": "{{person.IdNumber}}" }, { "kind": "CompoundCard", "number": "{{badge}}" } ] }"""
        : $$"""{ "ref": "{{reference}}", "class": "Resident", "credentials": [ { "kind": "NationalId", "number": "{{person.IdNumber}}" } ] }""";
}
