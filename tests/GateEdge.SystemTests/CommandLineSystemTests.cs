using GateEdge.SystemTests.Support;

namespace GateEdge.SystemTests;

/// <summary>
/// The `gateedge` command as a technician runs it: which configuration it reads when none is
/// named, and the exit codes its help promises (0 done, 1 failed, 2 wrong configuration or usage),
/// each with one line and never a stack trace.
/// </summary>
public sealed class CommandLineSystemTests : GateTest
{
    [Fact]
    public async Task Without_a_config_option_every_verb_reads_GATEEDGE_CONFIG_else_the_installed_file()
    {
        var path = Gate.WriteGatewayConfig();

        var (named, namedOutput) = await RunAsync(new Dictionary<string, string> { ["GATEEDGE_CONFIG"] = path }, "config", "check");
        var (installed, installedOutput) = await RunAsync(new Dictionary<string, string> { ["GATEEDGE_CONFIG"] = "" }, "config", "check");

        Assert.Equal(0, named);
        Assert.StartsWith($"{path}: OK", namedOutput, StringComparison.Ordinal);
        // Whatever this machine has there (a gateway may be installed on it): the installed file is the one read.
        Assert.StartsWith("/etc/gateedge/gateedge.json: ", installedOutput, StringComparison.Ordinal);
        if (!File.Exists("/etc/gateedge/gateedge.json"))
        {
            Assert.Equal(2, installed);
        }
    }

    [Fact]
    public async Task A_gate_named_lists_is_refused_at_start_in_one_line_since_its_commands_would_read_as_list_updates()
    {
        var path = Gate.WriteGatewayConfig();
        await File.WriteAllTextAsync(path, (await File.ReadAllTextAsync(path)).Replace("\"GateId\": \"east\"", "\"GateId\": \"lists\"", StringComparison.Ordinal));

        await using var gateway = Gate.StartGateway();
        Assert.Equal(2, await gateway.ExitCodeAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains(gateway.Lines, l => l.Contains("Gateway.GateId", StringComparison.Ordinal) && l.Contains("lists", StringComparison.Ordinal));
        Assert.DoesNotContain(gateway.Lines, l => l.Contains("   at ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(2, "confg", "check")]
    [InlineData(2, "events", "tail", "-n", "many")]
    [InlineData(2, "events", "tail", "-n", "-2")]
    [InlineData(2, "outbox", "status", "-c", "/nonexistent/gateedge.json")]
    [InlineData(2, "config", "check", "--bogus")]
    [InlineData(0, "--help")]
    public async Task Each_exit_code_comes_with_what_went_wrong_and_no_stack_trace(int expected, params string[] args)
    {
        var (exit, output) = await RunAsync(new Dictionary<string, string>(), args);

        Assert.Equal(expected, exit);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.NotEmpty(output.Trim());
    }

    [Theory]
    [InlineData("rehearse", "--config", "gateedge.json", "--seconds", "x")]
    [InlineData("run")]
    [InlineData("demo", "--status-port", "70000")]
    [InlineData("demos")]
    public async Task The_simulator_refuses_a_wrong_command_line_with_exit_code_2_and_the_reason(params string[] args)
    {
        await using var process = ChildProcess.Start("dotnet", new Dictionary<string, string>(), [RepoPaths.SimulatorDll, .. args]);
        int exit = await process.ExitCodeAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(2, exit);
        Assert.DoesNotContain("   at ", process.Output, StringComparison.Ordinal);
        Assert.Matches("Cannot parse|is required|Unrecognized command", process.Output);
    }

    private static async Task<(int Exit, string Output)> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        await using var process = ChildProcess.Start("dotnet", environment, [RepoPaths.GateEdgeDll, .. args]);
        // Waiting for the exit also waits for the end of its output.
        int exit = await process.ExitCodeAsync(TimeSpan.FromSeconds(30));
        return (exit, process.Output);
    }
}
