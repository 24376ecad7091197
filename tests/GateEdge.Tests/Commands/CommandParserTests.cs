using System.Text.Json;
using System.Text;
using GateEdge.Commands;
using GateEdge.Common;
using GateEdge.Configuration;

namespace GateEdge.Tests.Commands;

/// <summary>The body of a command the centre signed: bound to its command and gateway, fresh, complete, carried out once.</summary>
public sealed class CommandParserTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 8, 0, 0, TimeSpan.Zero);
    internal static readonly GatewayOptions Gateway = new() { Id = "gw-1", CompoundId = "c-1", GateId = "north" };
    private readonly CommandParser _parser = new(new CommandOptions(), Gateway, new HashSet<string> { "lane1" });

    [Fact]
    public void A_fresh_open_for_a_known_lane_of_this_gateway_is_accepted()
    {
        var (command, rejection) = _parser.Parse("open", Body(Open()), Now);

        Assert.Null(rejection);
        Assert.Equal(new OpenCommand("cmd-1", "lane1", "王主任", "ambulance"), command);
    }

    [Theory]
    [InlineData("lane", "lane9", "no such lane at this gateway (lanes: lane1)")]
    [InlineData("operator", "", "open needs the operator and the reason, each 1–200 characters without control characters")]
    [InlineData("operator", "王主任\n[07:59:59 INF] relay pulse", "open needs the operator and the reason, each 1–200 characters without control characters")]
    [InlineData("schema", "gateedge.command/1", "schema must be gateedge.command/2")]
    [InlineData("id", "", "id is missing, longer than 64 characters or holds control characters")]
    [InlineData("gateway", "gw-2", "the command is for another gateway (this is c-1/north/gw-1)")]
    [InlineData("gate", "south", "the command is for another gateway (this is c-1/north/gw-1)")]
    [InlineData("compound", "c-2", "the command is for another gateway (this is c-1/north/gw-1)")]
    [InlineData("command", "config", "the command is 'config' but it came on the topic of another command")]
    [InlineData("command", "reboot", "command must be open, config, republish or checkpoint-ack")]
    public void An_open_with_a_bad_field_is_rejected_with_the_reason(string field, string value, string reason)
    {
        var (command, rejection) = _parser.Parse("open", Body(Open(field, value)), Now);

        Assert.Null(command);
        Assert.Equal(reason, rejection!.Reason);
    }

    [Fact]
    public void A_stale_or_future_timestamp_is_rejected_at_the_skew_edges()
    {
        var skew = new CommandOptions().MaxClockSkew;
        Assert.Null(_parser.Parse("open", Body(Open() with { Id = "a", IssuedAt = (Now - skew).ToString("O") }), Now).Rejection);
        Assert.Null(_parser.Parse("open", Body(Open() with { Id = "b", IssuedAt = (Now + skew).ToString("O") }), Now).Rejection);
        Assert.StartsWith("issuedAt is not within", _parser.Parse("open", Body(Open() with { Id = "c", IssuedAt = (Now - skew - TimeSpan.FromSeconds(1)).ToString("O") }), Now).Rejection!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_body_is_carried_out_once()
    {
        Assert.Null(_parser.Parse("open", Body(Open()), Now).Rejection);
        Assert.Equal("already carried out: replayed command", _parser.Parse("open", Body(Open()), Now.AddSeconds(5)).Rejection!.Reason);
    }

    [Theory]
    [InlineData("open", "{not json")]
    [InlineData("open", "[]")]
    [InlineData("open", "null")]
    [InlineData("open", "")]
    [InlineData("open", """{"schema":"gateedge.command/2","id":"x","extra":1}""")]
    [InlineData("open", """{"schema":"gateedge.command/2","schema":"gateedge.command/2","id":"x"}""")]
    [InlineData("open", """{"schema":"gateedge.command/2","id":"x","command":null,"compound":null}""")]
    [InlineData("open", """{"schema":"gateedge.command/2","id":["x"]}""")]
    public void Malformed_commands_are_rejected(string command, string payload) =>
        Assert.NotNull(_parser.Parse(command, Encoding.UTF8.GetBytes(payload), Now).Rejection);

    [Fact]
    public void A_config_push_needs_a_file_and_no_lane()
    {
        var push = new CommandRequest(CommandRequest.SchemaId, "push-1", "config", "c-1", "north", "gw-1", Now.ToString("O"), "李工", "new thresholds", Config: "{}");
        Assert.Equal(new ConfigCommand("push-1", "李工", "new thresholds", "{}"), _parser.Parse("config", Body(push), Now).Command);
        Assert.Equal("config needs the new configuration file as the 'config' string", _parser.Parse("config", Body(push with { Id = "p3", Config = " " }), Now).Rejection!.Reason);
        Assert.Equal("config takes no lane", _parser.Parse("config", Body(push with { Id = "p4", Lane = "lane1" }), Now).Rejection!.Reason);
    }

    [Fact]
    public void A_republish_is_bound_like_every_command()
    {
        var republish = new CommandRequest(CommandRequest.SchemaId, "r-1", "republish", "c-1", "north", "gw-1", Now.ToString("O"));
        Assert.Equal(new RepublishCommand("r-1"), _parser.Parse("republish", Body(republish), Now).Command);
        Assert.StartsWith("the command is for another gateway", _parser.Parse("republish", Body(republish with { Id = "r-2", Gateway = "gw-9" }), Now).Rejection!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public void A_command_remembered_in_a_file_is_refused_after_a_restart_and_forgotten_only_once_newer_commands_supersede_it()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("gateedge-nonces-").FullName, "command-nonces");
        var window = TimeSpan.FromMinutes(2);
        Assert.Equal(ReplayVerdict.First, new ReplayGuard(window, file).FirstUse("body-1", Now));

        var afterRestart = new ReplayGuard(window, file);
        Assert.Equal(ReplayVerdict.Replayed, afterRestart.FirstUse("body-1", Now));
        Assert.Equal(ReplayVerdict.First, afterRestart.FirstUse("body-2", Now.AddSeconds(30)));
        // Only a command issued more than the window later lets body-1 go, and then body-1 is refused as superseded.
        Assert.Equal(ReplayVerdict.First, afterRestart.FirstUse("body-3", Now + window + TimeSpan.FromSeconds(1)));
        Assert.Equal(ReplayVerdict.Superseded, new ReplayGuard(window, file).FirstUse("body-1", Now));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
    }

    [Fact]
    public void A_carried_out_command_is_never_carried_out_again_whichever_way_the_gateways_clock_is_stepped()
    {
        var parser = new CommandParser(new CommandOptions { MaxClockSkew = TimeSpan.FromSeconds(5) }, new GatewayOptions { Id = "gw-1", CompoundId = "c-1", GateId = "north" },
            new HashSet<string>(["lane1"], StringComparer.Ordinal));
        var open = Body(Open());
        Assert.NotNull(parser.Parse("open", open, Now).Command);
        Assert.Equal("already carried out: replayed command", parser.Parse("open", open, Now.AddSeconds(4)).Rejection!.Reason);

        // A later command, then the clock stepped back 13 s so the captured open looks fresh again.
        Assert.NotNull(parser.Parse("open", Body(Open() with { Id = "cmd-2", IssuedAt = Now.AddSeconds(15).ToString("O") }), Now.AddSeconds(15)).Command);
        Assert.Equal("issued before commands this gateway has already carried out: a replay, or the centre's clock went back", parser.Parse("open", open, Now.AddSeconds(2)).Rejection!.Reason);
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public void A_replay_file_is_compacted_and_still_remembers_what_is_fresh()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("gateedge-nonces-").FullName, "command-nonces");
        var guard = new ReplayGuard(TimeSpan.FromMinutes(2), file);
        for (int i = 0; i < 1500; i++)
        {
            Assert.Equal(ReplayVerdict.First, guard.FirstUse($"n{i}", Now.AddSeconds(i)));
        }

        Assert.True(File.ReadAllLines(file).Length < 1000);
        Assert.Equal(ReplayVerdict.Replayed, new ReplayGuard(TimeSpan.FromMinutes(2), file).FirstUse("n1499", Now.AddSeconds(1499)));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
    }

    internal static CommandRequest Open(string? field = null, string? value = null)
    {
        var request = new CommandRequest(CommandRequest.SchemaId, "cmd-1", "open", "c-1", "north", "gw-1", Now.ToString("O"), "王主任", "ambulance", "lane1");
        return field switch
        {
            "reason" => request with { Reason = value },
            "lane" => request with { Lane = value },
            "operator" => request with { Operator = value },
            "schema" => request with { Schema = value },
            "id" => request with { Id = value },
            "gateway" => request with { Gateway = value },
            "gate" => request with { Gate = value },
            "compound" => request with { Compound = value },
            "command" => request with { Command = value },
            _ => request,
        };
    }

    internal static byte[] Body(CommandRequest request) => JsonSerializer.SerializeToUtf8Bytes(request, CommandJson.Default.CommandRequest);
}
