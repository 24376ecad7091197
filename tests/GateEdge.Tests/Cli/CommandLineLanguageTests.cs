using System.CommandLine;
using System.Text.RegularExpressions;
using GateEdge.Cli;
using GateEdge.Common.Messages;

namespace GateEdge.Tests.Cli;

/// <summary><c>gateedge --help</c> in the technician's language: every verb, option and argument GateEdge describes, from the catalogue.</summary>
public sealed partial class CommandLineLanguageTests
{
    [Fact]
    public void In_Chinese_every_verb_option_and_argument_is_described_in_Chinese_and_in_English_in_English()
    {
        var chinese = Described(GateEdgeCommandLine.Build((_, _, _) => Task.FromResult(0), Language.Chinese)).ToList();
        var english = Described(GateEdgeCommandLine.Build((_, _, _) => Task.FromResult(0), Language.English)).ToList();

        Assert.True(chinese.Count >= 40, $"only {chinese.Count} descriptions");
        Assert.Equal(english.Select(d => d.Name), chinese.Select(d => d.Name));
        Assert.All(chinese, d => Assert.True(Han().IsMatch(d.Text), $"{d.Name}: '{d.Text}' is not in Chinese"));
        Assert.All(english, d => Assert.DoesNotMatch(Han(), d.Text));
    }

    [Theory]
    [InlineData(new[] { "--help" }, "命令：")]
    [InlineData(new[] { "config", "check", "--help" }, " config check <file> [选项]")]
    [InlineData(new[] { "events", "tail", "-h" }, "  -n, --count <count>")]
    public void Help_in_Chinese_has_its_headings_in_Chinese_too(string[] args, string expected)
    {
        string chinese = Help(Language.Chinese, args);
        string english = Help(Language.English, args);

        Assert.Contains("说明：", chinese, StringComparison.Ordinal);
        Assert.Contains("用法：\n  ", chinese.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("-?, -h, --help", chinese, StringComparison.Ordinal);
        Assert.Contains("显示帮助和用法", chinese, StringComparison.Ordinal);
        Assert.Contains(expected, chinese, StringComparison.Ordinal);
        Assert.DoesNotMatch("Description|Usage|Options|Commands|Arguments|Show help", chinese);
        Assert.Contains("Usage:", english, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "--lang", "zh-CN", "config", "check" }, true)]
    [InlineData(new[] { "config", "check", "--lang=zh-CN" }, true)]
    [InlineData(new[] { "--lang", "en", "config", "check" }, false)]
    public void The_language_is_read_from_the_arguments_before_the_command_line_is_built(string[] args, bool chinese) =>
        Assert.Equal(chinese ? Language.Chinese : Language.English, GateEdgeCommandLine.LanguageOf(args));

    private static string Help(Language language, string[] args)
    {
        var output = new StringWriter();
        var parsed = GateEdgeCommandLine.Build((_, _, _) => Task.FromResult(0), language).Parse(args);
        Assert.Equal(0, parsed.Invoke(new InvocationConfiguration { Output = output }));
        return output.ToString();
    }

    /// <summary>Every description GateEdge gives (the parser's own --help and --version are not GateEdge's).</summary>
    private static IEnumerable<(string Name, string Text)> Described(Command command, string path = "")
    {
        string name = path.Length == 0 ? command.Name : $"{path} {command.Name}";
        yield return (name, command.Description ?? "");
        foreach (var option in command.Options.Where(o => o is not System.CommandLine.Help.HelpOption and not VersionOption))
        {
            yield return ($"{name} {option.Name}", option.Description ?? "");
        }

        foreach (var argument in command.Arguments)
        {
            yield return ($"{name} <{argument.Name}>", argument.Description ?? "");
        }

        foreach (var sub in command.Subcommands.SelectMany(c => Described(c, name)))
        {
            yield return sub;
        }
    }

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Han();
}
