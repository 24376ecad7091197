using GateEdge.Commands;
using GateEdge.Configuration;
using GateEdge.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace GateEdge.Tests.Commands;

/// <summary>A configuration push on real files: applied on trial, refused for anything but the operation of the lanes, refused when it cannot be written.</summary>
public sealed class ConfigurationPushTests : IDisposable
{
    private const string Config = """
        {
          "Gateway": { "Id": "gw-1", "CompoundId": "c-1", "GateId": "north" },
          "Mqtt": { "Host": "127.0.0.1" },
          "Devices": {
            "IdCardReaders": [ { "Name": "reader", "Port": "/dev/ttyUSB0" } ],
            "SerialIrThermometers": [ { "Name": "thermo", "Port": "/dev/ttyUSB1" } ]
          },
          "Rules": { "MaskRequired": false },
          "Lanes": [ { "Id": "lane1", "CardReaders": [ "reader" ], "Thermometer": "thermo" } ]
        }
        """;

    private readonly string _dir = Directory.CreateTempSubdirectory("gateedge-push-").FullName;
    private readonly StoppingLifetime _lifetime = new();

    private string ConfigPath => Path.Combine(_dir, "gateedge.json");

    public ConfigurationPushTests() => File.WriteAllText(ConfigPath, Config);

    [Fact]
    public void A_good_push_replaces_the_file_on_trial_and_stops_the_host_to_start_again()
    {
        var restart = new GatewayRestart(ConfigPath);
        var pushed = Config.Replace("{ \"Id\": \"lane1\",", "{ \"Id\": \"lane1\", \"Direction\": \"Out\",", StringComparison.Ordinal);

        Assert.Null(Push(restart, pushed));

        Assert.Equal((true, true), (restart.Requested, _lifetime.Stopped));
        Assert.Equal(pushed, File.ReadAllText(ConfigPath));
        Assert.Equal((TrialStage.Pending, "push-1"), (ConfigurationTrial.Read(ConfigPath)!.Stage, ConfigurationTrial.Read(ConfigPath)!.CommandId));
    }

    [Fact]
    public void A_push_that_renames_the_gateway_is_refused_and_changes_nothing()
    {
        var restart = new GatewayRestart(ConfigPath);

        Assert.StartsWith("a push cannot change Gateway.Id", Push(restart, Config.Replace("gw-1", "gw-2", StringComparison.Ordinal)), StringComparison.Ordinal);

        Assert.Equal((false, false), (restart.Requested, _lifetime.Stopped));
        Assert.Equal(Config, File.ReadAllText(ConfigPath));
        Assert.Null(ConfigurationTrial.Read(ConfigPath));
        Assert.False(File.Exists(ConfigurationTrial.StagedPath(ConfigPath)));
    }

    [Fact]
    public void A_push_that_cannot_be_written_is_refused_and_the_gateway_runs_on()
    {
        var restart = new GatewayRestart(Path.Combine(_dir, "gone", "gateedge.json"));

        Assert.StartsWith("the configuration could not be written beside", Push(restart, Config), StringComparison.Ordinal);
        Assert.False(_lifetime.Stopped);
    }

    [Theory]
    [InlineData("\"Privacy\": { \"PublishIdentitiesInClear\": true }", "Privacy.PublishIdentitiesInClear")]
    [InlineData("\"Mqtt\": { \"Host\": \"127.0.0.1\", \"AllowInsecure\": true }", "Mqtt.AllowInsecure")]
    [InlineData("\"Mqtt\": { \"Host\": \"localhost\", \"Port\": 8883 }", "Mqtt.Host, Mqtt.Port")]
    [InlineData("\"Mqtt\": { \"Host\": \"127.0.0.1\", \"TopicRoot\": \"elsewhere/v1\" }", "Mqtt.TopicRoot")]
    [InlineData("\"StatusPage\": { \"Listen\": \"http://0.0.0.0:8780\", \"TokenFile\": \"/dev/null\" }", "StatusPage.Listen, StatusPage.TokenFile")]
    [InlineData("\"Serilog\": { \"WriteTo\": [ { \"Name\": \"File\", \"Args\": { \"path\": \"/var/log/gateedge/gateedge-.json\", \"retainedFileCountLimit\": 1 } } ] }",
        "Serilog.WriteTo.0.Args.path, Serilog.WriteTo.0.Args.retainedFileCountLimit, Serilog.WriteTo.0.Name")]
    [InlineData("\"Journal\": { \"DeliveredRetention\": \"365.00:00:00\" }", "Journal.DeliveredRetention")]
    [InlineData("\"Commands\": { \"MaxClockSkew\": \"00:09:00\" }", "Commands.MaxClockSkew")]
    public void A_push_that_changes_anything_but_the_operation_of_the_lanes_is_refused_and_changes_nothing(string section, string settings)
    {
        var restart = new GatewayRestart(ConfigPath);
        var changed = section.StartsWith("\"Mqtt\"", StringComparison.Ordinal)
            ? Config.Replace("\"Mqtt\": { \"Host\": \"127.0.0.1\" }", section, StringComparison.Ordinal)
            : Config.Replace("\"Rules\":", section + ", \"Rules\":", StringComparison.Ordinal);

        var refused = Push(restart, changed);

        Assert.True(refused == $"a push cannot change {settings}: a push changes lanes, rules, prompts, device timings and output times; everything else is changed at the gate"
            || section.Contains("TokenFile", StringComparison.Ordinal) && refused!.Contains("StatusPage.TokenFile", StringComparison.Ordinal), refused);
        Assert.Equal((false, Config), (_lifetime.Stopped, File.ReadAllText(ConfigPath)));
        Assert.False(File.Exists(ConfigurationTrial.StagedPath(ConfigPath)));
    }

    [Fact]
    public void A_push_may_move_a_device_to_another_timing_but_not_to_another_port()
    {
        var retimed = Config.Replace("{ \"Name\": \"reader\", \"Port\": \"/dev/ttyUSB0\" }", "{ \"Name\": \"reader\", \"Port\": \"/dev/ttyUSB0\", \"PollInterval\": \"00:00:00.100\" }", StringComparison.Ordinal);
        var moved = Config.Replace("/dev/ttyUSB0", "/dev/ttyUSB7", StringComparison.Ordinal);

        Assert.Equal("a push cannot change Devices.IdCardReaders.0.Port: a push changes lanes, rules, prompts, device timings and output times; everything else is changed at the gate",
            Push(new GatewayRestart(ConfigPath), moved));
        Assert.Null(Push(new GatewayRestart(ConfigPath), retimed));
    }

    [Theory]
    [InlineData("Lanes:0:Mode", true)]
    [InlineData("rules:FeverThresholdC", true)]
    [InlineData("Prompts:Language", true)]
    [InlineData("Prompts:ShowMaskedName", false)]
    [InlineData("Devices:SerialIrThermometers:0:BodyOffsetC", true)]
    [InlineData("Devices:WiegandReaders:0:D0Line", false)]
    [InlineData("Devices:OsdpReaders:0:Address", false)]
    [InlineData("Devices:OsdpReaders:0:KeyFile", false)]      // would let the reader be read in clear
    [InlineData("Devices:OsdpReaders:0:InstallMode", false)]
    [InlineData("Outputs:Lanes:0:PulseLength", true)]
    [InlineData("Outputs:Lanes:0:RelayPin", false)]
    [InlineData("Outputs:Driver", false)]
    [InlineData("Gateway:StateDirectory", false)]
    [InlineData("Registry:SeedFile", false)]
    [InlineData("Serilog:MinimumLevel", false)]
    public void Only_the_operation_of_the_lanes_may_be_pushed(string key, bool mayPush) => Assert.Equal(mayPush, PushableSettings.MayPush(key));

    [Fact]
    public void A_push_with_a_NUL_in_a_path_or_an_unknown_section_is_refused_with_each_problem_and_leaves_nothing_behind()
    {
        var restart = new GatewayRestart(ConfigPath);

        var nul = Push(restart, Config.Replace("\"Rules\":", "\"Registry\": { \"SeedFile\": \"registry.json\\u0000x\" }, \"Rules\":", StringComparison.Ordinal));
        var unknown = Push(restart, Config.Replace("\"Rules\":", "\"Kestrel\": { }, \"urls\": \"http://0.0.0.0:1\", \"Rules\":", StringComparison.Ordinal));

        Assert.Equal("1 configuration problem(s): Registry.SeedFile: holds a NUL character", nul);
        Assert.Contains("Kestrel: unknown section", unknown, StringComparison.Ordinal);
        Assert.Contains("urls: unknown section", unknown, StringComparison.Ordinal);
        Assert.Equal((false, Config), (_lifetime.Stopped, File.ReadAllText(ConfigPath)));
        Assert.False(File.Exists(ConfigurationTrial.StagedPath(ConfigPath)));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string? Push(GatewayRestart restart, string config) =>
        new ConfigurationPush(restart, _lifetime, NullLogger<ConfigurationPush>.Instance)
            .Apply(new ConfigCommand("push-1", "李工", "test", config));

    private sealed class StoppingLifetime : IHostApplicationLifetime
    {
        public bool Stopped { get; private set; }

        public CancellationToken ApplicationStarted => CancellationToken.None;

        public CancellationToken ApplicationStopping => CancellationToken.None;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication() => Stopped = true;
    }
}
