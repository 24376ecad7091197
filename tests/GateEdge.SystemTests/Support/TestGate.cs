namespace GateEdge.SystemTests.Support;

/// <summary>
/// The files of one system-test gate: a registry of residents, a gateway configuration on the
/// test broker and a simulator script, all in a temporary folder that goes away afterwards.
/// </summary>
internal sealed class TestGate : IDisposable
{
    private readonly List<ChildProcess> _processes = [];

    public static readonly (string Name, string IdNumber)[] Residents =
    [
        ("张三", "11010519491231002X"),
        ("李四", "440304198506120035"),
        ("王五", "420106197203080041"),
        ("赵六", "310115199911110053"),
        ("陈七", "110108200002290063"),
        ("周八", "420102196501010076"),
    ];

    public TestGate(int brokerPort)
    {
        BrokerPort = brokerPort;
        StateDirectory = Path.Combine(Dir, "state");
        File.WriteAllText(ClockSynchronisedFlag, "");
    }

    public string Dir { get; } = Directory.CreateTempSubdirectory("gateedge-system-").FullName;

    public int BrokerPort { get; }

    public string Links => Path.Combine(Dir, "links");

    /// <summary>Where the gateway keeps its journal and registry: under <see cref="Dir"/> unless a test moves it (a small disk).</summary>
    public string StateDirectory { get; set; }

    public string JournalPath => Path.Combine(StateDirectory, "journal.db");

    /// <summary>
    /// The gateway's clock counts as synchronised while this file exists (<c>Gateway.ClockSynchronisedFlag</c>),
    /// so no test depends on the machine's own time service; a test deletes it to boot a box whose clock is not.
    /// </summary>
    public string ClockSynchronisedFlag => Path.Combine(Dir, "clock-synchronised");

    /// <summary>
    /// Writes the registry and the gateway configuration; <paramref name="rules"/> is the JSON of the Rules section.
    /// The gateway runs in its own process, which cannot share a simulated GPIO chip with the simulator's:
    /// without a mask detector these gates run with R4 off, and R4 is tested in-process (GpioAndI2cLaneTests).
    /// </summary>
    /// <param name="mqtt">Extra settings of the Mqtt section, as JSON members.</param>
    /// <param name="statusPage">The StatusPage section: off, unless a test looks at the page.</param>
    /// <param name="commands">Extra settings of the Commands section, as JSON members; the test centre's key is always trusted.</param>
    /// <param name="more">Further top-level sections, as JSON members.</param>
    /// <param name="voice">Give the lane a voice module, <c>lane1-voice</c>.</param>
    /// <param name="heartbeat">Mqtt.HeartbeatInterval: every second, so tests see the gateway's state soon.</param>
    public string WriteGatewayConfig(string rules = """{ "RetestRest": "00:00:02", "MaskRequired": false }""", string mqtt = "", string statusPage = """{ "Enabled": false }""",
        string commands = "", string more = "", bool voice = false, string heartbeat = "00:00:01")
    {
        string voiceModules = voice ? $$""","VoiceModules": [ { "Name": "lane1-voice", "Port": "{{Links}}/lane1-voice" } ]""" : "";
        string laneVoice = voice ? """, "Voice": "lane1-voice" """ : "";
        File.WriteAllText(Path.Combine(Dir, "centre.pub.pem"), TestCentre.PublicPem);
        var persons = Residents.Select((r, i) =>
            $$"""{ "ref": "R-{{i + 1}}", "class": "Resident", "credentials": [ { "kind": "NationalId", "number": "{{r.IdNumber}}" } ] }""");
        File.WriteAllText(Path.Combine(Dir, "registry.json"), $$"""{ "persons": [ {{string.Join(",\n", persons)}} ] }""");
        var path = Path.Combine(Dir, "gateedge.json");
        File.WriteAllText(path, $$"""
            {
              "Gateway": { "Id": "gw-7", "CompoundId": "c-7", "GateId": "east", "StateDirectory": "{{StateDirectory}}", "ClockSynchronisedFlag": "{{ClockSynchronisedFlag}}" },{{(more.Length > 0 ? "\n" + more + "," : "")}}
              "StatusPage": {{statusPage}},
              "Devices": {
                "IdCardReaders": [ { "Name": "lane1-idcard", "Port": "{{Links}}/lane1-idcard" } ],
                "SerialIrThermometers": [ { "Name": "lane1-thermometer", "Port": "{{Links}}/lane1-thermometer" } ]{{voiceModules}}
              },
              "Lanes": [ { "Id": "lane1", "Direction": "In", "CardReaders": [ "lane1-idcard" ], "Thermometer": "lane1-thermometer"{{laneVoice}} } ],
              "Outputs": { "Driver": "Simulated", "Lanes": [ { "Lane": "lane1", "RelayPin": 17, "GreenLampPin": 22, "RedLampPin": 27 } ] },
              "Rules": {{rules}},
              "Registry": { "SeedFile": "registry.json" },
              "Commands": { "CentreKeys": [ { "Id": "{{TestCentre.KeyId}}", "PublicKeyFile": "centre.pub.pem" } ]{{(commands.Length > 0 ? ", " + commands : "")}} },
              "Mqtt": { "Host": "127.0.0.1", "Port": {{BrokerPort}}, "HeartbeatInterval": "{{heartbeat}}"{{(mqtt.Length > 0 ? ", " + mqtt : "")}} },
              "Serilog": { "MinimumLevel": { "Default": "Information", "Override": { "Microsoft": "Warning" } }, "WriteTo": [ { "Name": "Console" } ] }
            }
            """);
        return path;
    }

    /// <summary>Writes a script of visits: (resident index, body temperature, pause before).</summary>
    /// <param name="faults">The script's faults, as JSON array items.</param>
    /// <param name="thermometerWarmUp">How long the thermometer stays silent after the gateway first speaks to it.</param>
    /// <param name="voice">Simulate the lane's voice module, <c>lane1-voice</c>.</param>
    public string WriteScript(IEnumerable<(int Resident, decimal BodyC, string After)> visits, bool loop = false, string measureTime = "00:00:00.6", string leaveTime = "00:00:00.4",
        string faults = "", string thermometerWarmUp = "00:00:00", bool voice = false)
    {
        var people = Residents.Select(r => $$"""{ "name": "{{r.Name}}", "idNumber": "{{r.IdNumber}}" }""");
        var steps = visits.Select(v =>
            $$"""{ "person": "{{Residents[v.Resident].Name}}", "reader": "lane1-idcard", "thermometer": "lane1-thermometer", "bodyC": {{v.BodyC.ToString(System.Globalization.CultureInfo.InvariantCulture)}}, "after": "{{v.After}}" }""");
        var path = Path.Combine(Dir, "script.json");
        File.WriteAllText(path, $$"""
            {
              "devices": [ { "name": "lane1-idcard", "kind": "id-card-reader" }, { "name": "lane1-thermometer", "kind": "serial-ir-thermometer", "warmUp": "{{thermometerWarmUp}}" }{{(voice ? """, { "name": "lane1-voice", "kind": "voice-module" }""" : "")}} ],
              "people": [ {{string.Join(",\n", people)}} ],
              "visits": [ {{string.Join(",\n", steps)}} ],
              "faults": [ {{faults}} ],
              "loop": {{(loop ? "true" : "false")}},
              "measureTime": "{{measureTime}}",
              "leaveTime": "{{leaveTime}}"
            }
            """);
        return path;
    }

    /// <summary>Steady traffic: every resident in turn at a normal temperature, forever.</summary>
    /// <param name="after">Pause between one person leaving and the next stepping up; zero: the sensor never sees nobody between them.</param>
    /// <param name="leave">How long a person stays in front of the sensor after their card was read.</param>
    public string WriteSteadyTrafficScript(string faults = "", string after = "00:00:00.3", string leave = "00:00:00.1", string thermometerWarmUp = "00:00:00") =>
        WriteScript(Residents.Select((_, i) => (i, BodyC(i), after)), loop: true, measureTime: "00:00:00.3", leaveTime: leave, faults: faults, thermometerWarmUp: thermometerWarmUp);

    /// <summary>Each resident's temperature in the steady traffic: all normal, all different, so a passage shows whose reading it used.</summary>
    public static decimal BodyC(int resident) => 36.5m + (resident / 10m);

    public ChildProcess StartGateway() => StartGateway(new Dictionary<string, string>());

    /// <param name="environment">Extra environment of the gateway process (a preloaded fake clock).</param>
    public ChildProcess StartGateway(IReadOnlyDictionary<string, string> environment) =>
        Started(ChildProcess.Start("dotnet", environment, RepoPaths.GateEdgeDll, "--config", Path.Combine(Dir, "gateedge.json")));

    /// <summary>A gateway executable other than the JIT build (a native release), run by <paramref name="file"/> with <paramref name="before"/> ahead of its own arguments.</summary>
    public ChildProcess StartGateway(string file, string[] before) =>
        Started(ChildProcess.Start(file, [.. before, "--config", Path.Combine(Dir, "gateedge.json")]));

    public ChildProcess StartSimulator() =>
        Started(ChildProcess.StartDotnet(RepoPaths.SimulatorDll, "run", "--script", Path.Combine(Dir, "script.json"), "--links", Links, "--hold"));

    /// <summary>Every process this gate started, so none outlives a test that failed before disposing it.</summary>
    private ChildProcess Started(ChildProcess process)
    {
        _processes.Add(process);
        return process;
    }

    /// <summary>An empty file readable by its owner only, as a secret file must be before the gateway accepts it.</summary>
    public static string OwnerOnly(string path)
    {
        File.WriteAllText(path, "");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return path;
    }

    public void Dispose()
    {
        foreach (var process in _processes)
        {
            process.KillIfRunning();
        }

        Directory.Delete(Dir, recursive: true);
    }
}
