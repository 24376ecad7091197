using System.Text;
using System.Text.Json;
using GateEdge.Commands;

namespace GateEdge.Tests.Commands;

public sealed class CommandParserTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 8, 0, 0, TimeSpan.Zero);
    private static readonly byte[] Key = Encoding.UTF8.GetBytes("a shared key of the deployment, 32B");
    private readonly CommandParser _parser = new(new CommandOptions(), Key, new HashSet<string> { "lane1" });

    [Fact]
    public void A_signed_fresh_open_for_a_known_lane_is_accepted()
    {
        var (command, rejection) = _parser.Parse("open", Open(), Now);

        Assert.Null(rejection);
        Assert.Equal(new ParsedCommand(CommandKind.Open, "cmd-1", "王主任", "ambulance", "lane1"), command);
    }

    [Theory]
    [InlineData("signature", "0000", "signature missing or invalid")]
    [InlineData("reason", "changed after signing", "signature missing or invalid")]
    [InlineData("lane", "lane9", "no lane 'lane9' at this gateway")]
    [InlineData("operator", "", "open needs the operator and the reason")]
    [InlineData("schema", "gateedge.command/2", "schema must be gateedge.command/1")]
    [InlineData("id", "", "id is missing or longer than 64 characters")]
    public void An_open_with_a_bad_field_is_rejected_with_the_reason(string field, string value, string reason)
    {
        var (command, rejection) = _parser.Parse("open", Open(field, value), Now);

        Assert.Null(command);
        Assert.Equal(reason, rejection!.Reason);
    }

    [Fact]
    public void A_stale_or_future_timestamp_is_rejected_at_the_skew_edges()
    {
        var skew = new CommandOptions().MaxClockSkew;
        Assert.Null(_parser.Parse("open", Open(issuedAt: Now - skew, nonce: "n1"), Now).Rejection);
        Assert.Null(_parser.Parse("open", Open(issuedAt: Now + skew, nonce: "n2"), Now).Rejection);
        Assert.StartsWith("issuedAt is not within", _parser.Parse("open", Open(issuedAt: Now - skew - TimeSpan.FromSeconds(1), nonce: "n3"), Now).Rejection!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_replayed_command_is_rejected()
    {
        Assert.Null(_parser.Parse("open", Open(), Now).Rejection);
        Assert.Equal("nonce already used: replayed command", _parser.Parse("open", Open(), Now.AddSeconds(5)).Rejection!.Reason);
    }

    [Fact]
    public void Without_a_key_opening_is_disabled_but_republish_works()
    {
        var parser = new CommandParser(new CommandOptions(), null, new HashSet<string> { "lane1" });

        Assert.Equal("commands that act on the gate are disabled: no signing key is configured", parser.Parse("open", Open(), Now).Rejection!.Reason);
        Assert.Equal(CommandKind.Republish, parser.Parse("republish", """{"schema":"gateedge.command/1","id":"r1"}"""u8, Now).Command!.Kind);
    }

    [Theory]
    [InlineData("open", "{not json")]
    [InlineData("open", "[]")]
    [InlineData("open", "{\"schema\":\"gateedge.command/1\",\"id\":\"x\",\"extra\":1}")]
    [InlineData("reboot", "{\"schema\":\"gateedge.command/1\",\"id\":\"x\"}")]
    [InlineData("open", "")]
    public void Malformed_or_unknown_commands_are_rejected(string command, string payload) =>
        Assert.NotNull(_parser.Parse(command, Encoding.UTF8.GetBytes(payload), Now).Rejection);

    [Fact]
    public void An_oversized_payload_is_rejected_before_it_is_parsed() =>
        Assert.StartsWith("payload of 5000 bytes exceeds", _parser.Parse("open", new byte[5000], Now).Rejection!.Reason, StringComparison.Ordinal);

    [Fact]
    public void A_signed_config_push_is_accepted_and_one_changed_byte_of_the_file_breaks_its_signature()
    {
        var (command, rejection) = _parser.Parse("config", Config("{ \"Rules\": { \"FeverLineC\": 37.3 } }"), Now);
        Assert.Null(rejection);
        Assert.Equal((CommandKind.Config, "{ \"Rules\": { \"FeverLineC\": 37.3 } }"), (command!.Kind, command.Config));

        var tampered = Config("{ \"Rules\": { \"FeverLineC\": 37.3 } }", nonce: "n2", tamperedConfig: "{ \"Rules\": { \"FeverLineC\": 38.3 } }");
        Assert.Equal("signature missing or invalid", _parser.Parse("config", tampered, Now).Rejection!.Reason);
    }

    [Fact]
    public void A_config_push_has_its_own_larger_size_limit_and_needs_a_file()
    {
        var large = Config(new string(' ', 10_000) + "{}");
        Assert.Null(_parser.Parse("config", large, Now).Rejection);
        Assert.StartsWith("payload of", _parser.Parse("open", large, Now).Rejection!.Reason, StringComparison.Ordinal);
        Assert.StartsWith("payload of", _parser.Parse("config", new byte[70_000], Now).Rejection!.Reason, StringComparison.Ordinal);
        Assert.Equal("config needs the new configuration file as the 'config' string", _parser.Parse("config", Config(" ", nonce: "n3"), Now).Rejection!.Reason);
    }

    [Fact]
    public void A_nonce_remembered_in_a_file_is_refused_after_a_restart_until_it_could_no_longer_be_fresh()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("gateedge-nonces-").FullName, "command-nonces");
        var memory = TimeSpan.FromMinutes(2);
        Assert.True(new ReplayGuard(memory, file).FirstUse("nonce-1", Now));

        var afterRestart = new ReplayGuard(memory, file);
        Assert.False(afterRestart.FirstUse("nonce-1", Now.AddSeconds(30)));
        Assert.True(afterRestart.FirstUse("nonce-2", Now.AddSeconds(30)));
        Assert.True(new ReplayGuard(memory, file).FirstUse("nonce-1", Now + memory + TimeSpan.FromSeconds(1)));
        Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
    }

    [Fact]
    public void A_nonce_file_is_compacted_and_still_remembers_what_is_fresh()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("gateedge-nonces-").FullName, "command-nonces");
        var guard = new ReplayGuard(TimeSpan.FromMinutes(2), file);
        for (int i = 0; i < 1500; i++)
        {
            Assert.True(guard.FirstUse($"n{i}", Now.AddSeconds(i)));
        }

        Assert.True(File.ReadAllLines(file).Length < 1000);
        Assert.False(new ReplayGuard(TimeSpan.FromMinutes(2), file).FirstUse("n1499", Now.AddSeconds(1500)));
        Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
    }

    [Fact]
    public void Random_and_mutated_payloads_never_throw_and_never_open()
    {
        var random = new Random(7);
        var valid = Open();
        for (int i = 0; i < 20_000; i++)
        {
            var payload = (byte[])valid.Clone();
            for (int m = random.Next(1, 4); m > 0; m--)
            {
                payload[random.Next(payload.Length)] = (byte)random.Next(256);
            }

            var parser = new CommandParser(new CommandOptions(), Key, new HashSet<string> { "lane1" });
            var (command, _) = parser.Parse("open", payload, Now);
            Assert.True(command is null || payload.AsSpan().SequenceEqual(valid) || SameFields(payload, valid), "a corrupted command was accepted");
        }
    }

    /// <summary>A mutation inside insignificant whitespace leaves the command as it was signed.</summary>
    private static bool SameFields(byte[] mutated, byte[] valid) =>
        JsonSerializer.Deserialize(mutated, CommandJson.Default.CommandRequest) == JsonSerializer.Deserialize(valid, CommandJson.Default.CommandRequest);

    private static byte[] Config(string config, string nonce = "nonce-1", string? tamperedConfig = null)
    {
        var request = new CommandRequest(CommandRequest.SchemaId, "push-1", Now.ToString("O"), nonce, "李工", "new thresholds", null, null, config);
        request = request with { Signature = CommandParser.Sign(Key, "config", request), Config = tamperedConfig ?? config };
        return JsonSerializer.SerializeToUtf8Bytes(request, CommandJson.Default.CommandRequest);
    }

    internal static byte[] Open(string? field = null, string? value = null, DateTimeOffset? issuedAt = null, string nonce = "nonce-1", byte[]? key = null)
    {
        var request = new CommandRequest(CommandRequest.SchemaId, "cmd-1", (issuedAt ?? Now).ToString("O"), nonce, "王主任", "ambulance", "lane1", null);
        request = request with { Signature = CommandParser.Sign(key ?? Key, "open", request) };
        request = field switch
        {
            "signature" => request with { Signature = value },
            "reason" => request with { Reason = value },
            "lane" => request with { Lane = value },
            "operator" => request with { Operator = value },
            "schema" => request with { Schema = value },
            "id" => request with { Id = value },
            _ => request,
        };
        return JsonSerializer.SerializeToUtf8Bytes(request, CommandJson.Default.CommandRequest);
    }
}
