using System.Text.RegularExpressions;
using GateEdge.Common.Messages;
using GateEdge.Configuration;
using GateEdge.Hosting;
using GateEdge.SystemTests.Support;

namespace GateEdge.SystemTests;

/// <summary>
/// The real gateway started on every file of the technicians' mistake corpus, under a Chinese
/// locale as a local technician's box has it: it refuses with exit code 2 and one line on standard
/// error, the same problems <c>config check</c> names, in Chinese, with no stack trace.
/// </summary>
public sealed partial class ConfigRefusalSystemTests
{
    private static readonly string Corpus = Path.Combine(RepoPaths.Root, "tests", "GateEdge.Tests", "Cli", "ConfigMistakes");

    [Fact]
    public async Task Every_mistake_in_the_corpus_refuses_the_start_in_one_Chinese_line_with_exit_code_2()
    {
        var files = Directory.GetFiles(Corpus, "*.json").Order().ToArray();
        Assert.True(files.Length >= 30, $"only {files.Length} mistakes in {Corpus}");

        // A few at a time: each is a process start of its own.
        var failures = new List<string>();
        foreach (var batch in files.Chunk(4))
        {
            foreach (var failure in await Task.WhenAll(batch.Select(RefusalProblemAsync)))
            {
                if (failure is not null)
                {
                    failures.Add(failure);
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private static async Task<string?> RefusalProblemAsync(string file)
    {
        string expected = StartRefusal.Line(Assert.Throws<GatewayConfigurationException>(() => ConfigFile.Load(file)), Language.Chinese);
        await using var gateway = ChildProcess.Start("dotnet", new Dictionary<string, string> { ["LC_ALL"] = "", ["LANG"] = "zh_CN.UTF-8" },
            RepoPaths.GateEdgeDll, "--config", file);
        int exit = await gateway.ExitCodeAsync(TimeSpan.FromSeconds(60));
        var lines = gateway.Lines.Where(l => l.Length > 0).ToList();
        return exit == 2 && lines.Count == 1 && lines[0] == "stderr: " + expected && Han().IsMatch(lines[0]) && !lines[0].Contains("   at ", StringComparison.Ordinal)
            ? null
            : $"{Path.GetFileName(file)}: exit {exit}, printed:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", lines)}{Environment.NewLine}  expected: stderr: {expected}";
    }

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Han();
}
